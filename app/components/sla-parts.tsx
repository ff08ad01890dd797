// Pieces every SLA page shares: the section tabs, the agreement in plain words, and a clock's
// state ("met late", "due in 2 h").

import type { SlaClockKind, SlaClockState } from "../../db/enums";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import type { SlaTerms } from "../sla/terms";
import {
  clockVerdict,
  consequenceWords,
  describeSegment,
  escalationWords,
  formatDuration,
  marketingPromises,
  salesPromises,
  verdictTone,
} from "../sla/terms-text";
import { Badge } from "./ui/card";
import { type SectionTab, SectionTabs } from "./ui/section-tabs";

export const agreementStatusTone = {
  draft: "slate",
  proposed: "amber",
  active: "green",
  retired: "slate",
  withdrawn: "slate",
} as const;

const tabs: SectionTab[] = [
  { to: "/sla", label: "sla.tabs.overview" },
  { to: "/sla/breaches", label: "sla.tabs.breaches" },
  { to: "/sla/actions", label: "sla.tabs.actions" },
  { to: "/sla/digest", label: "sla.tabs.digest" },
];

export function SlaTabs() {
  const t = useT();
  return <SectionTabs label={t("sla.tabs.label")} tabs={tabs} className="no-print" />;
}

/** Both sides' promises, the segments, escalation and consequences, in sentences. */
export function SlaTermsSummary({ terms, prose }: { terms: SlaTerms; prose?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-5 text-sm" data-testid="sla-terms">
      {prose ? <p className="whitespace-pre-line text-slate-800">{prose}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {(["marketing", "sales"] as const).map((side) => (
          <section key={side} className="rounded-md bg-slate-50 p-4" data-testid={`sla-${side}`}>
            <p className="text-slate-800">
              <span className="font-semibold text-slate-900">{t(`sla.side.${side}`)}:</span>{" "}
              {(side === "marketing"
                ? marketingPromises(t, locale, terms.marketing)
                : salesPromises(t, locale, terms.sales)
              ).join("; ")}
            </p>
            <p className="mt-1 text-xs text-slate-500">{t(`sla.side.${side}Hint`)}</p>
          </section>
        ))}
      </div>
      <section>
        <h3 className="font-semibold text-slate-900">{t("sla.segments.title")}</h3>
        {terms.segments.length === 0 ? (
          <p className="mt-1 text-slate-600">{t("sla.segments.none")}</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {terms.segments.map((segment) => {
              const words = describeSegment(t, locale, segment);
              return (
                <li key={segment.name}>
                  <span className="font-medium text-slate-900">{words.name}</span>
                  <span className="text-slate-600"> — {words.who}: </span>
                  <span className="text-slate-800">{words.terms}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <section>
          <h3 className="font-semibold text-slate-900">{t("sla.escalation.title")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
            {escalationWords(t, locale, terms).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section>
          <h3 className="font-semibold text-slate-900">{t("sla.consequences.title")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
            {consequenceWords(t, locale, terms).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

/** A clock's state as a badge, with "due in …" / "overdue by …" / "… late" where it helps. */
export function ClockState({
  clock,
  now,
}: {
  clock: {
    state: SlaClockState;
    dueAt: Date | string;
    metAt: Date | string | null;
  };
  now: Date;
}) {
  const t = useT();
  const verdict = clockVerdict(clock, now);
  const due = new Date(clock.dueAt).getTime();
  let detail: string | null = null;
  if (verdict === "running")
    detail = t("sla.clock.dueIn", { time: formatDuration(t, due - now.getTime()) });
  if (verdict === "overdue" || verdict === "breached")
    detail = t("sla.clock.overdueBy", { time: formatDuration(t, now.getTime() - due) });
  if (verdict === "metLate" && clock.metAt)
    detail = t("sla.clock.late", {
      time: formatDuration(t, new Date(clock.metAt).getTime() - due),
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Badge tone={verdictTone[verdict]}>{t(`sla.verdict.${verdict}`)}</Badge>
      {detail ? <span className="text-xs text-slate-600">{detail}</span> : null}
    </span>
  );
}

export function clockKindKey(kind: SlaClockKind): MessageKey {
  return `sla.kind.${kind}`;
}
