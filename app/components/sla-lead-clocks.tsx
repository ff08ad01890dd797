// The lead page's SLA section: every clock on the lead (kind, owner, started, due, state) and,
// under a breached one, the breach: what happened, how far it escalated, who got the lead.
import { Link } from "@remix-run/react";
import {
  type EscalationLevel,
  leadStatuses,
  type SlaClockKind,
  type SlaClockState,
} from "../../db/enums";
import { formatDateTime } from "../i18n/format";
import type { Translate } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { ClockState, clockKindKey } from "./sla-parts";
import { Card } from "./ui/card";

type When = Date | string;

export interface LeadClockRow {
  id: string;
  kind: SlaClockKind;
  state: SlaClockState;
  startedAt: When;
  dueAt: When;
  metAt: When | null;
  cancelReason: string | null;
  target: number | null;
  segment: string | null;
  ownerName: string | null;
  breach: {
    id: string;
    summary: string;
    level: EscalationLevel;
    reassignedToName: string | null;
  } | null;
}

/** Why a clock stopped, in the reader's language (the clocks module stores it in English). */
function stopReason(t: Translate, reason: string): string {
  if (reason === "re-assigned") return t("sla.lead.stoppedReassigned");
  if (reason === "a newer outcome") return t("sla.lead.stoppedNewerOutcome");
  const status = reason.startsWith("lead ") ? reason.slice(5) : null;
  const known = leadStatuses.find((candidate) => candidate === status);
  if (known) return t("sla.lead.stoppedLeadMoved", { status: t(`leads.status.${known}`) });
  return reason;
}

export function LeadSlaClocks({
  clocks,
  now,
  timeZone,
}: {
  clocks: LeadClockRow[];
  now: string;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  const at = (value: When) => formatDateTime(value, { locale, timeZone });
  const current = new Date(now);
  return (
    <Card
      title={t("sla.lead.title")}
      actions={
        <Link to="/sla" className="text-sm font-semibold text-brand-600 hover:underline">
          {t("sla.lead.agreement")}
        </Link>
      }
    >
      {clocks.length === 0 ? (
        <p className="text-sm text-slate-600">{t("sla.lead.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="lead-sla-clocks">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">{t("sla.columns.kind")}</th>
                <th className="py-2 pr-3 font-medium">{t("sla.columns.owner")}</th>
                <th className="py-2 pr-3 font-medium">{t("sla.columns.started")}</th>
                <th className="py-2 pr-3 font-medium">{t("sla.columns.due")}</th>
                <th className="py-2 font-medium">{t("sla.columns.state")}</th>
              </tr>
            </thead>
            {clocks.map((clock) => (
              <tbody key={clock.id} className="border-t border-slate-100">
                <tr className="align-top">
                  <td className="py-2 pr-3 font-medium text-slate-900">
                    {clock.kind === "attempts" && clock.target
                      ? t("sla.lead.attempts", { count: clock.target })
                      : t(clockKindKey(clock.kind))}
                    {clock.segment ? (
                      <span className="block text-xs font-normal text-slate-500">
                        {t("sla.lead.segment", { name: clock.segment })}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">{clock.ownerName ?? "—"}</td>
                  <td className="whitespace-nowrap py-2 pr-3 text-slate-600">
                    {at(clock.startedAt)}
                  </td>
                  <td className="whitespace-nowrap py-2 pr-3 text-slate-600">{at(clock.dueAt)}</td>
                  <td className="py-2">
                    <ClockState clock={clock} now={current} />
                    {clock.state === "cancelled" && clock.cancelReason ? (
                      <span className="block text-xs text-slate-500">
                        {stopReason(t, clock.cancelReason)}
                      </span>
                    ) : null}
                  </td>
                </tr>
                {clock.breach ? (
                  <tr>
                    <td colSpan={5} className="pb-3">
                      <p
                        className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200"
                        data-testid="lead-sla-breach"
                      >
                        <span aria-hidden="true">⚠ </span>
                        {clock.breach.summary}{" "}
                        <span className="text-red-700">
                          ·{" "}
                          {clock.breach.level === "team_lead"
                            ? t("sla.lead.escalated")
                            : t("sla.lead.withOwner")}
                          {clock.breach.reassignedToName
                            ? ` · ${t("sla.lead.reassignedTo", { name: clock.breach.reassignedToName })}`
                            : ""}
                        </span>
                      </p>
                    </td>
                  </tr>
                ) : null}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </Card>
  );
}
