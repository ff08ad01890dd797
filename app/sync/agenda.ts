// The weekly sync's agenda as plain data (DESIGN.md "Weekly sync"), and the small pure steps
// that turn rows into it: the commonest reasons and the objections heard more than once.
import type {
  ActionItemOrigin,
  ActionItemStatus,
  EscalationLevel,
  FeedbackOutcome,
  SlaBreachKind,
  SlaSide,
} from "../../db/enums";
import type { FeedbackTotals, InsightSentence } from "../feedback/insights";
import type { Share } from "../scorecard/figures";
import type { UpcomingCalendar } from "./calendar.server";
import type { SalesRequestRow } from "./requests.server";

export interface Counted<T extends string = string> {
  key: T;
  count: number;
}

/** Codes by how often they occur, most first (ties by code), keeping those seen `atLeast` times. */
export function countCodes(codes: readonly string[], atLeast = 1, limit = 5): Counted[] {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .filter((entry) => entry.count >= atLeast)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit);
}

export interface AgendaBlockBase {
  /** Minutes the block gets in the 30-minute meeting. */
  minutes: number;
}

/** Block 1: this week's delivery against the SLA, and sales' first impression. */
export interface DeliveredBlock extends AgendaBlockBase {
  /** The agreement in force and its weekly pace (whole workspace: the SLA sets no per-source target). */
  sla: { agreementVersion: number; mqlsPerMonth: number; weeklyPace: number } | null;
  mqlsDelivered: number;
  /** The scorecard's pace for the week so far: expected pro rata, delivered / expected. */
  pace: { expected: number; value: number | null } | null;
  accepted: number;
  rejected: number;
  /** The week's MQLs not accepted or rejected yet. */
  pending: number;
  bySource: {
    source: string | null;
    mqlsDelivered: number;
    /** Share of the week's MQLs delivered that came from this source. */
    shareOfDelivered: number | null;
    accepted: number;
    rejected: number;
    acceptance: Share;
  }[];
  /** Reasons given in feedback on the week's MQLs that sales disqualified, most first. */
  topRejectionReasons: Counted[];
}

export interface AgendaBreach {
  id: string;
  side: SlaSide;
  kind: SlaBreachKind;
  summary: string;
  detectedAt: Date;
  level: EscalationLevel;
  ownerName: string | null;
  reassignedToName: string | null;
  leadId: string | null;
}

export interface AgendaActionItem {
  id: string;
  title: string;
  detail: string | null;
  side: SlaSide | null;
  ownerName: string | null;
  dueOn: string | null;
  status: ActionItemStatus;
  origin: ActionItemOrigin;
  createdAt: Date;
  /** Created before this week: carried over from an earlier sync. */
  carriedOver: boolean;
}

/** Block 2: what sales found out about earlier weeks' leads, and what the SLA says. */
export interface FeedbackBlock extends AgendaBlockBase {
  /** Feedback filed this week on leads delivered before it. */
  outcomes: FeedbackTotals;
  /** The feedback page's sentences for that feedback, per source and per campaign. */
  insights: {
    group: "source" | "campaign";
    name: string | null;
    total: number;
    sentences: InsightSentence[];
  }[];
  /** Objections heard at least twice in that feedback. */
  recurringObjections: Counted[];
  /** SLA breaches detected this week, with their escalation and re-assignment. */
  breaches: AgendaBreach[];
  /** Consequences the SLA turned into action items this week. */
  consequences: AgendaActionItem[];
  /** Every open action item: they carry over until done or dropped. */
  openActionItems: AgendaActionItem[];
}

/** Block 3: what marketing has coming and what sales needs. */
export interface ComingBlock extends AgendaBlockBase {
  calendar: UpcomingCalendar;
  /** Requests filed this week. */
  requestsThisWeek: SalesRequestRow[];
  /** Requests from earlier weeks still open or planned. */
  olderOpenRequests: SalesRequestRow[];
}

export interface SyncAgenda {
  workspaceId: string;
  timeZone: string;
  /** The sync's week, local dates [startDate, endDate), Monday to Monday. */
  week: { startDate: string; endDate: string };
  delivered: DeliveredBlock;
  feedback: FeedbackBlock;
  coming: ComingBlock;
}

export const emptyOutcomes = (): Record<FeedbackOutcome, number> => ({
  accepted: 0,
  disqualified: 0,
  no_response: 0,
  recycled: 0,
});
