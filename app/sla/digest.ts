// The leadership digest's shape: what the web page, the weekly Slack post and the tests read.
// Built by app/sla/digest.server.ts; plain data so a Slack view and a Remix loader share it.
import type { SlaBreachKind, SlaClockKind, SlaSide } from "../../db/enums";

/** A share with its parts; `share` is null when nothing was due (shown as "—"). */
export interface Attainment {
  met: number;
  decided: number;
  share: number | null;
}

export interface DigestWeek {
  /** Local date of the Monday. */
  weekStart: string;
  /** Sales clocks due that week met on time / decided (met or breached). */
  sales: Attainment;
  mqls: number;
  mqlTarget: number;
  /** Of that week's MQL cohort: reached SQL / MQLs (still maturing for recent weeks). */
  sqlShare: Attainment;
  /** MQLs / (MQLs + held back). */
  completeness: Attainment;
}

export interface DigestBreach {
  id: string;
  side: SlaSide;
  kind: SlaBreachKind;
  summary: string;
  dueAt: string;
  /** Hours past due: until met (late) or until now (still unmet). */
  hoursLate: number;
  unmet: boolean;
  level: "owner" | "team_lead";
  leadId: string | null;
  ownerName: string | null;
}

export interface DigestActionItem {
  id: string;
  title: string;
  side: SlaSide | null;
  ownerName: string | null;
  dueOn: string;
  daysOverdue: number;
}

/** `DigestSource.source` of leads without a source (the consequences' action items say the same). */
export const noSourceLabel = "(no source)";

export interface DigestSource {
  source: string;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
  /** Money arrives with deals (closed-loop attribution); null until the workspace has deals. */
  pipelineCents: number | null;
  wonCents: number | null;
}

export interface Digest {
  workspaceName: string;
  timeZone: string;
  currency: string;
  generatedAt: string;
  agreementVersion: number | null;
  /** The last closed week [from, to) as local dates, and the one before it. */
  period: { from: string; to: string };
  previous: { from: string; to: string };
  sales: {
    target: number;
    current: Attainment;
    previous: Attainment;
    byKind: { kind: SlaClockKind; current: Attainment }[];
  };
  marketing: {
    mqls: number;
    mqlTarget: number;
    previousMqls: number;
    sqlShare: Attainment;
    sqlShareTarget: number;
    completeness: Attainment;
    completenessTarget: number;
  };
  /** Oldest first, the last closed weeks (8). */
  trend: DigestWeek[];
  worstBreaches: DigestBreach[];
  overdueActionItems: DigestActionItem[];
  bySource: DigestSource[];
}
