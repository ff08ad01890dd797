// Campaign costs per workspace: kept by marketing on /scorecard/costs (audited) or posted by an
// integration (`POST /api/v1/campaign-costs`, stored once per external id), and read back
// spread over a period for the scorecard's cost per MQL and per SQL.
import { and, asc, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type CampaignCost, campaignCosts, leads, users } from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { type CampaignCostInput, costInPeriod } from "./costs";

interface Scope {
  db: Database;
  workspaceId: string;
}

export async function listCampaignCosts(options: Scope & { limit?: number; offset?: number }) {
  const rows = await options.db
    .select({
      id: campaignCosts.id,
      campaign: campaignCosts.campaign,
      source: campaignCosts.source,
      startsOn: campaignCosts.startsOn,
      endsOn: campaignCosts.endsOn,
      amountCents: campaignCosts.amountCents,
      note: campaignCosts.note,
      externalId: campaignCosts.externalId,
      createdByName: users.name,
      updatedAt: campaignCosts.updatedAt,
    })
    .from(campaignCosts)
    .leftJoin(users, eq(users.id, campaignCosts.createdByUserId))
    .where(eq(campaignCosts.workspaceId, options.workspaceId))
    .orderBy(desc(campaignCosts.startsOn), asc(campaignCosts.campaign), asc(campaignCosts.id))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
  const [total] = await options.db
    .select({ n: sql<number>`count(*)::int` })
    .from(campaignCosts)
    .where(eq(campaignCosts.workspaceId, options.workspaceId));
  return { costs: rows, total: total?.n ?? 0 };
}

/** One cost of the workspace (null when it is not one of its own). */
export async function getCampaignCost(options: Scope & { costId: string }) {
  const [cost] = await options.db
    .select()
    .from(campaignCosts)
    .where(
      and(eq(campaignCosts.id, options.costId), eq(campaignCosts.workspaceId, options.workspaceId)),
    );
  return cost ?? null;
}

/** The campaigns (with their sources) leads came from, for the form's suggestions. */
export async function knownCampaigns(options: Scope) {
  const rows = await options.db
    .selectDistinct({ campaign: leads.campaign, source: leads.source })
    .from(leads)
    .where(and(eq(leads.workspaceId, options.workspaceId), isNotNull(leads.campaign)))
    .orderBy(asc(leads.campaign), asc(leads.source))
    .limit(500);
  return rows.flatMap((row) =>
    row.campaign ? [{ campaign: row.campaign, source: row.source }] : [],
  );
}

export async function saveCampaignCost(
  options: Scope & { actorUserId: string; costId?: string; input: CampaignCostInput; now?: Date },
) {
  return options.db.transaction(async (tx) => {
    const values = {
      campaign: options.input.campaign,
      source: options.input.source,
      startsOn: options.input.startsOn,
      endsOn: options.input.endsOn,
      amountCents: options.input.amountCents,
      note: options.input.note,
      updatedAt: options.now ?? new Date(),
    };
    let saved: CampaignCost | undefined;
    if (options.costId) {
      [saved] = await tx
        .update(campaignCosts)
        .set(values)
        .where(
          and(
            eq(campaignCosts.id, options.costId),
            eq(campaignCosts.workspaceId, options.workspaceId),
          ),
        )
        .returning();
      if (!saved) throw new NotFoundError("campaign cost");
    } else {
      [saved] = await tx
        .insert(campaignCosts)
        .values({
          ...values,
          workspaceId: options.workspaceId,
          createdByUserId: options.actorUserId,
        })
        .returning();
    }
    if (!saved) throw new Error("The campaign cost was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: options.costId ? "campaign_cost.updated" : "campaign_cost.created",
      targetType: "campaign_cost",
      targetId: saved.id,
      details: {
        campaign: saved.campaign,
        startsOn: saved.startsOn,
        endsOn: saved.endsOn,
        amountCents: saved.amountCents,
      },
    });
    return saved;
  });
}

export async function deleteCampaignCost(options: Scope & { actorUserId: string; costId: string }) {
  return options.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(campaignCosts)
      .where(
        and(
          eq(campaignCosts.id, options.costId),
          eq(campaignCosts.workspaceId, options.workspaceId),
        ),
      )
      .returning();
    if (!deleted) throw new NotFoundError("campaign cost");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "campaign_cost.deleted",
      targetType: "campaign_cost",
      targetId: deleted.id,
      details: { campaign: deleted.campaign, amountCents: deleted.amountCents },
    });
  });
}

/**
 * Costs from an integration, all or nothing: one with an external id already stored is updated
 * in place (so a daily spend export can be posted again), the others are added.
 */
export async function upsertCampaignCosts(
  options: Scope & { costs: (CampaignCostInput & { externalId: string | null })[]; now?: Date },
) {
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const results: { cost: CampaignCost; created: boolean }[] = [];
    for (const input of options.costs) {
      const values = {
        campaign: input.campaign,
        source: input.source,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        amountCents: input.amountCents,
        note: input.note,
        updatedAt: now,
      };
      if (input.externalId) {
        const [existing] = await tx
          .select({ id: campaignCosts.id })
          .from(campaignCosts)
          .where(
            and(
              eq(campaignCosts.workspaceId, options.workspaceId),
              eq(campaignCosts.externalId, input.externalId),
            ),
          )
          .for("update");
        if (existing) {
          const [cost] = await tx
            .update(campaignCosts)
            .set(values)
            .where(eq(campaignCosts.id, existing.id))
            .returning();
          if (cost) results.push({ cost, created: false });
          continue;
        }
      }
      const [cost] = await tx
        .insert(campaignCosts)
        .values({ ...values, workspaceId: options.workspaceId, externalId: input.externalId })
        .returning();
      if (!cost) throw new Error("The campaign cost was not stored");
      results.push({ cost, created: true });
    }
    return results;
  });
}

export interface PeriodCost {
  campaign: string;
  source: string | null;
  /** The cost's share of the period, in (fractional) cents. */
  cents: number;
}

/** Every cost that overlaps [from, to), with its share of the period. */
export async function costsInPeriod(
  options: Scope & { from: string; to: string },
): Promise<PeriodCost[]> {
  const rows = await options.db
    .select({
      campaign: campaignCosts.campaign,
      source: campaignCosts.source,
      startsOn: campaignCosts.startsOn,
      endsOn: campaignCosts.endsOn,
      amountCents: campaignCosts.amountCents,
    })
    .from(campaignCosts)
    .where(
      and(
        eq(campaignCosts.workspaceId, options.workspaceId),
        gte(campaignCosts.endsOn, options.from),
        lt(campaignCosts.startsOn, options.to),
      ),
    );
  return rows
    .map((row) => ({
      campaign: row.campaign,
      source: row.source,
      cents: costInPeriod(row, { from: options.from, to: options.to }),
    }))
    .filter((cost) => cost.cents > 0);
}
