// Home for a rep: their own SLA clocks that need them now, overdue first, then those due within
// the next business day, each linking to its lead.
import { Link } from "@remix-run/react";
import type { SlaClockKind, SlaClockState } from "../../db/enums";
import { formatDateTime } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { ClockState, clockKindKey } from "./sla-parts";
import { Card } from "./ui/card";

type When = Date | string;

interface MyClock {
  id: string;
  kind: SlaClockKind;
  state: SlaClockState;
  dueAt: When;
  metAt: When | null;
  leadId: string;
  leadName: string | null;
  company: string | null;
}

function ClockList({
  title,
  clocks,
  now,
  timeZone,
  testId,
}: {
  title: string;
  clocks: MyClock[];
  now: Date;
  timeZone: string;
  testId: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (clocks.length === 0) return null;
  return (
    <section>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <ul className="mt-1 divide-y divide-slate-100" data-testid={testId}>
        {clocks.map((clock) => (
          <li key={clock.id} className="flex flex-wrap items-start justify-between gap-3 py-2">
            <div className="text-sm">
              <Link
                to={`/leads/${clock.leadId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {clock.leadName ?? t("leads.unnamed")}
              </Link>
              {clock.company ? <span className="text-slate-500"> · {clock.company}</span> : null}
              <span className="block text-xs text-slate-600">
                {t(clockKindKey(clock.kind))} ·{" "}
                {t("sla.home.dueAt", { date: formatDateTime(clock.dueAt, { locale, timeZone }) })}
              </span>
            </div>
            <ClockState clock={clock} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MySlaClocks({
  overdue,
  dueSoon,
  now,
  timeZone,
}: {
  overdue: MyClock[];
  dueSoon: MyClock[];
  now: string;
  timeZone: string;
}) {
  const t = useT();
  const current = new Date(now);
  return (
    <div className="mb-6">
      <Card
        title={t("sla.home.title")}
        description={t("sla.home.description")}
        actions={
          <Link to="/sla" className="text-sm font-semibold text-brand-600 hover:underline">
            {t("sla.home.agreement")}
          </Link>
        }
      >
        {overdue.length + dueSoon.length === 0 ? (
          <p className="text-sm text-slate-600">{t("sla.home.none")}</p>
        ) : (
          <div className="space-y-4">
            <ClockList
              title={t("sla.home.overdue", { count: overdue.length })}
              clocks={overdue}
              now={current}
              timeZone={timeZone}
              testId="my-clocks-overdue"
            />
            <ClockList
              title={t("sla.home.dueSoon", { count: dueSoon.length })}
              clocks={dueSoon}
              now={current}
              timeZone={timeZone}
              testId="my-clocks-due-soon"
            />
          </div>
        )}
      </Card>
    </div>
  );
}
