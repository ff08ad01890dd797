// Deal stages and what a lead source is, pure: the probability a known stage carries when the CRM
// sends none, and a source's kind (marketing, sales, partner) as typed in settings or guessed.
import type { DealStatus, SourceKind } from "../../db/enums";

/** Stages most CRMs use, with the usual chance of winning (HubSpot's and Salesforce's defaults). */
export const defaultStageProbabilities: Record<string, number> = {
  qualification: 0.1,
  appointment_scheduled: 0.2,
  discovery: 0.2,
  needs_analysis: 0.2,
  qualified_to_buy: 0.4,
  demo: 0.3,
  presentation_scheduled: 0.6,
  proposal: 0.5,
  proposal_price_quote: 0.75,
  decision_maker_bought_in: 0.8,
  negotiation: 0.7,
  negotiation_review: 0.9,
  contract_sent: 0.9,
  commit: 0.9,
  closed_won: 1,
  won: 1,
  closed_lost: 0,
  lost: 0,
};

/** "Proposal/Price Quote", "closed won", "Closed-Won" → "proposal_price_quote", "closed_won". */
export function stageKey(stage: string): string {
  return stage
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** The status a stage name implies, when it names a closed stage. */
export function statusOfStage(stage: string): DealStatus | null {
  const key = stageKey(stage);
  if (key === "closed_won" || key === "won") return "won";
  if (key === "closed_lost" || key === "lost") return "lost";
  return null;
}

/** The probability of a stage Baton knows; null for one it does not. */
export function stageProbability(stage: string): number | null {
  return defaultStageProbabilities[stageKey(stage)] ?? null;
}

/**
 * What a source is: as typed in settings, or guessed from its name (outbound and cold calling are
 * sales' own; referrals and partners are partners'; everything else is marketing's).
 */
export function sourceKind(
  source: string | null | undefined,
  typed: Readonly<Record<string, SourceKind>>,
): SourceKind | null {
  if (!source) return null;
  const set = typed[source];
  if (set) return set;
  if (/outbound|cold|prospect|sdr|sales/i.test(source)) return "sales";
  if (/partner|referral|reseller/i.test(source)) return "partner";
  return "marketing";
}
