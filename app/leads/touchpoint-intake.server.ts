// Touchpoints posted on their own (POST /api/v1/touchpoints, CSV import): each names its lead;
// a `new` lead is judged again with the new behaviour.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { leads } from "../../db/schema";
import { addTouchpoints, getActiveDefinition, judgementTime, qualifyLead } from "./intake.server";
import type { StandaloneTouchpointInput } from "./schemas";

export interface TouchpointIntakeResult {
  lead_id: string;
  stored: boolean;
}

export class UnknownLeadError extends Error {
  constructor(
    readonly index: number,
    readonly field: string,
  ) {
    super("no lead in this workspace matches");
  }
}

export async function intakeTouchpoints(options: {
  db: Database;
  workspaceId: string;
  touchpoints: StandaloneTouchpointInput[];
  now?: Date;
}): Promise<TouchpointIntakeResult[]> {
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const definition = await getActiveDefinition({ db: tx, workspaceId: options.workspaceId });
    const results: TouchpointIntakeResult[] = [];
    const touchedLeads = new Map<string, StandaloneTouchpointInput[]>();
    for (const [index, touch] of options.touchpoints.entries()) {
      const [lead] = await tx
        .select({ id: leads.id })
        .from(leads)
        .where(
          and(
            eq(leads.workspaceId, options.workspaceId),
            touch.lead_id
              ? eq(leads.id, touch.lead_id)
              : touch.lead_external_id
                ? eq(leads.externalId, touch.lead_external_id)
                : eq(leads.email, touch.email as string),
          ),
        )
        .orderBy(leads.createdAt)
        .limit(1);
      if (!lead) {
        throw new UnknownLeadError(
          index,
          touch.lead_id ? "lead_id" : touch.lead_external_id ? "lead_external_id" : "email",
        );
      }
      const stored = await addTouchpoints({
        db: tx,
        workspaceId: options.workspaceId,
        leadId: lead.id,
        touchpoints: [touch],
      });
      results.push({ lead_id: lead.id, stored: stored > 0 });
      touchedLeads.set(lead.id, [...(touchedLeads.get(lead.id) ?? []), touch]);
    }
    if (definition && touchedLeads.size > 0) {
      const waiting = await tx
        .select()
        .from(leads)
        .where(
          and(
            eq(leads.workspaceId, options.workspaceId),
            eq(leads.status, "new"),
            inArray(leads.id, [...touchedLeads.keys()]),
          ),
        );
      for (const lead of waiting) {
        await qualifyLead({
          db: tx,
          lead,
          definition,
          at: judgementTime(lead.createdAt, touchedLeads.get(lead.id) ?? [], now),
        });
      }
    }
    return results;
  });
}
