// Margin-weighted tiers: expected value = P(close | segment) × contribution margin × (1 − payment
// risk); tiers by value decide who works a lead (top → senior reps, lowest → nurture).
import type { MarginTier } from "./rules";

export interface MarginSegment {
  closeProbability: number;
  /** Contribution margin of a typical deal in this segment, in cents. */
  contributionMarginCents: number;
  paymentRisk: number;
}

export interface TierThresholds {
  /** Expected value (cents) from which a lead is top tier. */
  topFromCents: number;
  /** Expected value (cents) from which a lead is middle tier; below is low. */
  middleFromCents: number;
}

export function expectedValueCents(segment: MarginSegment): number {
  return Math.round(
    segment.closeProbability * segment.contributionMarginCents * (1 - segment.paymentRisk),
  );
}

export function tierFor(valueCents: number, thresholds: TierThresholds): MarginTier {
  if (valueCents >= thresholds.topFromCents) return "top";
  if (valueCents >= thresholds.middleFromCents) return "middle";
  return "low";
}
