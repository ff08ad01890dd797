// What changed between two agreement versions, term by term (old → new), and per segment
// (added, removed, or which of its conditions and overrides changed). Pure.
import type { RoutingCondition } from "../routing/rules";
import type { SlaSegment, SlaTerms } from "./terms";
import {
  type SegmentOverrideKey,
  segmentOverrides,
  type TermUnit,
  termFields,
  termValue,
} from "./terms-text";

export interface TermChange {
  /** "sales.firstContactHours" */
  name: string;
  unit: TermUnit;
  from: number;
  to: number;
}

export interface SegmentOverrideChange {
  key: SegmentOverrideKey;
  unit: TermUnit;
  from: number | null;
  to: number | null;
}

export interface SegmentChange {
  name: string;
  change: "added" | "removed" | "changed";
  conditionsFrom: RoutingCondition[] | null;
  conditionsTo: RoutingCondition[] | null;
  overrides: SegmentOverrideChange[];
}

export interface TermsDiff {
  titleChanged: boolean;
  proseChanged: boolean;
  terms: TermChange[];
  segments: SegmentChange[];
  /** Nothing at all differs. */
  same: boolean;
}

interface Comparable {
  title: string;
  prose: string;
  terms: SlaTerms;
}

function sameConditions(a: RoutingCondition[], b: RoutingCondition[]) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function overrideChanges(from: SlaSegment | null, to: SlaSegment | null) {
  return segmentOverrides
    .map(({ key, unit }) => ({
      key,
      unit,
      from: from?.[key] ?? null,
      to: to?.[key] ?? null,
    }))
    .filter((change) => change.from !== change.to);
}

export function diffAgreements(from: Comparable, to: Comparable): TermsDiff {
  const terms = termFields
    .map((field) => ({
      name: field.name,
      unit: field.unit,
      from: termValue(from.terms, field),
      to: termValue(to.terms, field),
    }))
    .filter((change) => change.from !== change.to);

  const segments: SegmentChange[] = [];
  const before = new Map(from.terms.segments.map((segment) => [segment.name, segment]));
  const after = new Map(to.terms.segments.map((segment) => [segment.name, segment]));
  for (const segment of to.terms.segments) {
    const old = before.get(segment.name);
    if (!old) {
      segments.push({
        name: segment.name,
        change: "added",
        conditionsFrom: null,
        conditionsTo: segment.conditions,
        overrides: overrideChanges(null, segment),
      });
      continue;
    }
    const overrides = overrideChanges(old, segment);
    const conditionsChanged = !sameConditions(old.conditions, segment.conditions);
    if (overrides.length || conditionsChanged) {
      segments.push({
        name: segment.name,
        change: "changed",
        conditionsFrom: conditionsChanged ? old.conditions : null,
        conditionsTo: conditionsChanged ? segment.conditions : null,
        overrides,
      });
    }
  }
  for (const segment of from.terms.segments) {
    if (!after.has(segment.name)) {
      segments.push({
        name: segment.name,
        change: "removed",
        conditionsFrom: segment.conditions,
        conditionsTo: null,
        overrides: [],
      });
    }
  }
  const titleChanged = from.title !== to.title;
  const proseChanged = from.prose.trim() !== to.prose.trim();
  return {
    titleChanged,
    proseChanged,
    terms,
    segments,
    same: !titleChanged && !proseChanged && terms.length === 0 && segments.length === 0,
  };
}
