// The demo's campaign costs: for every paid campaign, what it cost each month of the year — a
// channel's typical cost per lead times the leads it brought that month, give or take a little —
// so the scorecard's cost per MQL and per SQL tell the classic story: Facebook's leads are the
// cheapest and the most expensive per SQL; trade fairs cost most per lead and convert.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { campaignCosts, leads } from "../schema";

/** Euros a lead costs in each paid channel (ad spend, stands, webinar platform). */
const perLeadEuros: Record<string, number> = {
  "Google Ads": 48,
  LinkedIn: 115,
  Facebook: 16,
  "Trade fair": 260,
  Webinar: 35,
};

/** A steady wobble of ±15% per campaign and month, the same on every run. */
function wobble(key: string) {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 0.85 + (hash % 300) / 1000;
}

function lastDayOf(month: string) {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
}

export async function seedDemoCosts(options: {
  db: Database;
  workspaceId: string;
  createdByUserId: string;
  log: (line: string) => void;
}) {
  const { db, workspaceId } = options;
  const month = sql<string>`to_char(${leads.createdAt} at time zone 'Europe/Amsterdam', 'YYYY-MM')`;
  const rows = await db
    .select({
      source: leads.source,
      campaign: leads.campaign,
      month,
      leads: sql<number>`count(*)::int`,
    })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), isNotNull(leads.campaign)))
    .groupBy(leads.source, leads.campaign, month);
  const costs = rows.flatMap((row) => {
    const euros = row.source ? perLeadEuros[row.source] : undefined;
    if (!euros || !row.campaign) return [];
    const key = `${row.campaign}:${row.month}`;
    return [
      {
        workspaceId,
        campaign: row.campaign,
        source: row.source,
        startsOn: `${row.month}-01`,
        endsOn: lastDayOf(row.month),
        amountCents: Math.round(row.leads * euros * wobble(key)) * 100,
        note: row.source === "Trade fair" ? "Stand, badges and travel" : "Monthly spend",
        createdByUserId: options.createdByUserId,
      },
    ];
  });
  for (let i = 0; i < costs.length; i += 500) {
    await db.insert(campaignCosts).values(costs.slice(i, i + 500));
  }
  const total = costs.reduce((sum, cost) => sum + cost.amountCents, 0);
  options.log(
    `Campaign costs: ${costs.length} monthly costs over ${new Set(costs.map((c) => c.campaign)).size} campaigns, €${Math.round(total / 100).toLocaleString("en-US")} in all`,
  );
}
