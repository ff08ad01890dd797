// What-if: before approving, both teams see how many of the last 90 days' leads a proposal
// would have qualified compared with the active version, and how those leads actually fared.
import { and, eq, gte, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { leadEvents, leads, touchpoints } from "../../db/schema";
import { leadForEvaluation } from "../leads/intake.server";
import { reachedAcceptance, reachedSql } from "../leads/lifecycle";
import { type CriteriaGroup, evaluateDefinition } from "./criteria";

export const whatIfWindowDays = 90;

export interface Outcomes {
  /** Leads the definition qualifies (criteria met and data complete). */
  qualified: number;
  /** …of which sales accepted (reached sal or beyond). */
  accepted: number;
  /** …of which sales rejected. */
  rejected: number;
  /** …of which reached sql. */
  sql: number;
  /** …of which were won. */
  won: number;
}

export interface WhatIf {
  windowDays: number;
  from: string;
  leadsConsidered: number;
  proposal: Outcomes;
  active: Outcomes | null;
  /** Qualified by the proposal but not by the active version, and the other way round. */
  onlyProposal: number;
  onlyActive: number;
}

interface Rules {
  rules: CriteriaGroup;
  requiredFields: readonly string[];
}

const empty = (): Outcomes => ({ qualified: 0, accepted: 0, rejected: 0, sql: 0, won: 0 });

export async function computeWhatIf(options: {
  db: Database;
  workspaceId: string;
  proposal: Rules;
  active: Rules | null;
  now?: Date;
}): Promise<WhatIf> {
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - whatIfWindowDays * 24 * 60 * 60 * 1000);
  const recent = await options.db
    .select()
    .from(leads)
    .where(and(eq(leads.workspaceId, options.workspaceId), gte(leads.createdAt, from)));
  const result: WhatIf = {
    windowDays: whatIfWindowDays,
    from: from.toISOString(),
    leadsConsidered: recent.length,
    proposal: empty(),
    active: options.active ? empty() : null,
    onlyProposal: 0,
    onlyActive: 0,
  };
  // In slices, so a large workspace never loads every touchpoint at once.
  for (let start = 0; start < recent.length; start += 1000) {
    const slice = recent.slice(start, start + 1000);
    const ids = slice.map((lead) => lead.id);
    const [touches, events] = await Promise.all([
      options.db
        .select({
          leadId: touchpoints.leadId,
          kind: touchpoints.kind,
          url: touchpoints.url,
          content: touchpoints.content,
          contentType: touchpoints.contentType,
          occurredAt: touchpoints.occurredAt,
        })
        .from(touchpoints)
        .where(
          and(eq(touchpoints.workspaceId, options.workspaceId), inArray(touchpoints.leadId, ids)),
        ),
      options.db
        .select({ leadId: leadEvents.leadId, toStatus: leadEvents.toStatus })
        .from(leadEvents)
        .where(
          and(eq(leadEvents.workspaceId, options.workspaceId), inArray(leadEvents.leadId, ids)),
        ),
    ]);
    const touchesByLead = new Map<string, typeof touches>();
    for (const touch of touches) {
      const list = touchesByLead.get(touch.leadId) ?? [];
      list.push(touch);
      touchesByLead.set(touch.leadId, list);
    }
    const reached = new Map<string, Set<string>>();
    for (const event of events) {
      const set = reached.get(event.leadId) ?? new Set<string>();
      set.add(event.toStatus);
      reached.set(event.leadId, set);
    }
    for (const lead of slice) {
      const leadTouches = touchesByLead.get(lead.id) ?? [];
      // Judged as at intake: when its latest behaviour (up to now) happened.
      const at = new Date(
        Math.max(
          lead.createdAt.getTime(),
          ...leadTouches.map((t) => t.occurredAt.getTime()).filter((t) => t <= now.getTime()),
        ),
      );
      const judge = (rules: Rules) =>
        evaluateDefinition({
          lead: leadForEvaluation(lead),
          touchpoints: leadTouches.filter((t) => t.occurredAt.getTime() <= at.getTime()),
          rules: rules.rules,
          requiredFields: rules.requiredFields,
          now: at,
        }).qualifies;
      const statuses = reached.get(lead.id) ?? new Set<string>([lead.status]);
      statuses.add(lead.status);
      const tally = (outcomes: Outcomes) => {
        outcomes.qualified++;
        if (reachedAcceptance.some((s) => statuses.has(s))) outcomes.accepted++;
        if (statuses.has("rejected")) outcomes.rejected++;
        if (reachedSql.some((s) => statuses.has(s))) outcomes.sql++;
        if (statuses.has("won")) outcomes.won++;
      };
      const byProposal = judge(options.proposal);
      const byActive = options.active ? judge(options.active) : false;
      if (byProposal) tally(result.proposal);
      if (byActive && result.active) tally(result.active);
      if (byProposal && !byActive) result.onlyProposal++;
      if (byActive && !byProposal) result.onlyActive++;
    }
  }
  return result;
}
