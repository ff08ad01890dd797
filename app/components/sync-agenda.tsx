// The weekly sync's agenda as the page and meeting mode show it: three timed blocks built from
// the week's data (app/sync/agenda.ts), each with room for what the meeting adds to it.
import type { ReactNode } from "react";
import { formatNumber, formatShare } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import type { SyncAgenda as Agenda } from "../sync/agenda";
import { useLocalDay } from "./sync-parts";
import { Badge } from "./ui/card";

/** What meeting mode adds to a block: the timer in place of its minutes, and what was said. */
export interface BlockExtras {
  badge?: ReactNode;
  footer?: ReactNode;
  highlighted?: boolean;
}

export function AgendaBlock({
  title,
  minutes,
  testId,
  children,
  badge,
  footer,
  highlighted,
}: {
  title: string;
  minutes: number;
  testId: string;
  children: ReactNode;
} & BlockExtras) {
  const t = useT();
  return (
    <section
      className={`rounded-lg bg-white p-5 shadow-sm ring-1 ${highlighted ? "ring-2 ring-brand-500" : "ring-slate-200"}`}
      data-testid={testId}
      aria-label={title}
    >
      <h2 className="flex items-center justify-between gap-3 text-base font-semibold text-slate-900">
        {title}
        {badge ?? <Badge tone="brand">{t("sync.agenda.minutes", { minutes })}</Badge>}
      </h2>
      <div className="mt-3 space-y-4 text-sm text-slate-700">{children}</div>
      {footer ? <div className="mt-4 border-t border-slate-100 pt-4">{footer}</div> : null}
    </section>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="font-medium text-slate-900">{children}</h3>;
}

export function DeliveredBlock({ block, ...extras }: { block: Agenda["delivered"] } & BlockExtras) {
  const t = useT();
  const locale = useLocale();
  return (
    <AgendaBlock
      title={t("sync.agenda.block1")}
      minutes={block.minutes}
      testId="agenda-block-1"
      {...extras}
    >
      <p>
        <strong>{t("sync.agenda.delivered", { count: block.mqlsDelivered })}</strong>{" "}
        {block.sla
          ? t("sync.agenda.pace", {
              pace: block.sla.weeklyPace,
              version: block.sla.agreementVersion,
              expected: formatNumber(block.pace?.expected ?? 0, locale),
            })
          : t("sync.agenda.noSla")}
      </p>
      <p>
        {t("sync.agenda.firstImpression", {
          accepted: block.accepted,
          rejected: block.rejected,
          pending: block.pending,
        })}
      </p>
      {block.bySource.length === 0 ? (
        <p className="text-slate-500">{t("sync.agenda.noLeads")}</p>
      ) : (
        <table className="w-full text-left">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 font-medium">{t("sync.agenda.source")}</th>
              <th className="py-1 font-medium">MQL</th>
              <th className="py-1 font-medium">{t("sync.agenda.accepted")}</th>
              <th className="py-1 font-medium">{t("sync.agenda.rejected")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {block.bySource.map((source) => (
              <tr key={source.source ?? ""}>
                <td className="py-1">{source.source ?? t("sync.agenda.noSource")}</td>
                <td className="py-1">
                  {source.mqlsDelivered} ({formatShare(source.shareOfDelivered, locale)})
                </td>
                <td className="py-1">{source.accepted}</td>
                <td className="py-1">{source.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {block.topRejectionReasons.length > 0 ? (
        <div>
          <SubHeading>{t("sync.agenda.topReasons")}</SubHeading>
          <ul className="mt-1 list-disc pl-5">
            {block.topRejectionReasons.map((reason) => (
              <li key={reason.key}>
                {t(`leads.reason.${reason.key}` as MessageKey)} ({reason.count})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </AgendaBlock>
  );
}

function ActionItemList({
  items,
  timeZone,
}: {
  items: Agenda["feedback"]["openActionItems"];
  timeZone: string;
}) {
  const t = useT();
  const day = useLocalDay(timeZone);
  return (
    <ul className="mt-1 space-y-1">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-2">
          <span
            className={item.status === "open" ? "text-slate-900" : "text-slate-500 line-through"}
          >
            {item.title}
          </span>
          {item.ownerName ? <span className="text-slate-500">· {item.ownerName}</span> : null}
          {item.dueOn ? (
            <span className="text-slate-500">
              · {t("sync.agenda.due", { date: day(item.dueOn) })}
            </span>
          ) : null}
          {item.carriedOver ? <Badge tone="amber">{t("sync.agenda.carriedOver")}</Badge> : null}
          {item.status !== "open" ? (
            <Badge tone={item.status === "done" ? "green" : "slate"}>
              {t(`sla.actions.status.${item.status}`)}
            </Badge>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function FeedbackBlock({
  block,
  timeZone,
  ...extras
}: { block: Agenda["feedback"]; timeZone: string } & BlockExtras) {
  const t = useT();
  return (
    <AgendaBlock
      title={t("sync.agenda.block2")}
      minutes={block.minutes}
      testId="agenda-block-2"
      {...extras}
    >
      <p>
        {t("sync.agenda.outcomes", {
          feedback: block.outcomes.feedback,
          accepted: block.outcomes.accepted,
          disqualified: block.outcomes.disqualified,
          noResponse: block.outcomes.no_response,
          recycled: block.outcomes.recycled,
        })}
      </p>
      {block.insights.length === 0 ? (
        <p className="text-slate-500">{t("sync.agenda.noInsights")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {block.insights.flatMap((group) =>
            group.sentences.map((sentence) => (
              <li key={`${group.group}-${group.name}-${sentence.kind}-${sentence.key}`}>
                {sentence.text}
              </li>
            )),
          )}
        </ul>
      )}
      {block.recurringObjections.length > 0 ? (
        <div>
          <SubHeading>{t("sync.agenda.objections")}</SubHeading>
          <ul className="mt-1 list-disc pl-5">
            {block.recurringObjections.map((objection) => (
              <li key={objection.key}>
                {t(`leads.objection.${objection.key}` as MessageKey)} ({objection.count})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <SubHeading>{t("sync.agenda.breaches")}</SubHeading>
        {block.breaches.length === 0 ? (
          <p className="text-slate-500">{t("sync.agenda.noBreaches")}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {block.breaches.map((breach) => (
              <li key={breach.id}>
                {breach.summary}
                {breach.level === "team_lead" ? ` — ${t("sync.agenda.escalated")}` : ""}
                {breach.reassignedToName
                  ? ` — ${t("sync.agenda.reassigned", { name: breach.reassignedToName })}`
                  : ""}
              </li>
            ))}
          </ul>
        )}
      </div>
      {block.consequences.length > 0 ? (
        <div>
          <SubHeading>{t("sync.agenda.consequences")}</SubHeading>
          <ActionItemList items={block.consequences} timeZone={timeZone} />
        </div>
      ) : null}
      <div>
        <SubHeading>{t("sync.agenda.actionItems")}</SubHeading>
        {block.openActionItems.length === 0 ? (
          <p className="text-slate-500">{t("sync.agenda.noActionItems")}</p>
        ) : (
          <ActionItemList items={block.openActionItems} timeZone={timeZone} />
        )}
      </div>
    </AgendaBlock>
  );
}

export function ComingBlock({
  block,
  timeZone,
  ...extras
}: { block: Agenda["coming"]; timeZone: string } & BlockExtras) {
  const t = useT();
  const day = useLocalDay(timeZone);
  const requests = (list: Agenda["coming"]["requestsThisWeek"]) =>
    list.length === 0 ? (
      <p className="text-slate-500">{t("sync.agenda.noRequests")}</p>
    ) : (
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {list.map((request) => (
          <li key={request.id}>
            {request.body} <Badge tone="slate">{t(`sync.requests.status.${request.status}`)}</Badge>
          </li>
        ))}
      </ul>
    );
  return (
    <AgendaBlock
      title={t("sync.agenda.block3")}
      minutes={block.minutes}
      testId="agenda-block-3"
      {...extras}
    >
      <div>
        <SubHeading>{t("sync.agenda.calendar")}</SubHeading>
        {block.calendar.items.length === 0 ? (
          <p className="text-slate-500">{t("sync.agenda.noCalendar")}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {block.calendar.items.map((item) => (
              <li key={item.id}>
                <span className="text-slate-900">{item.title}</span>{" "}
                <span className="text-slate-500">
                  · {t(`sync.calendar.kind.${item.kind}`)} · {day(item.startsOn)}
                  {item.endsOn !== item.startsOn ? ` – ${day(item.endsOn)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <SubHeading>{t("sync.agenda.requestsThisWeek")}</SubHeading>
        {requests(block.requestsThisWeek)}
      </div>
      <div>
        <SubHeading>{t("sync.agenda.olderRequests")}</SubHeading>
        {requests(block.olderOpenRequests)}
      </div>
    </AgendaBlock>
  );
}

/** Block 1, 2 or 3 of an agenda. */
export function AgendaBlockOf({
  agenda,
  block,
  ...extras
}: { agenda: Agenda; block: 1 | 2 | 3 } & BlockExtras) {
  if (block === 1) return <DeliveredBlock block={agenda.delivered} {...extras} />;
  if (block === 2)
    return <FeedbackBlock block={agenda.feedback} timeZone={agenda.timeZone} {...extras} />;
  return <ComingBlock block={agenda.coming} timeZone={agenda.timeZone} {...extras} />;
}
