// The demo's deals: one for every lead that became an opportunity, opened when it did and won or
// lost when the lead was, worth what a logistics SaaS contract of that company's size is worth,
// at a margin that depends on the size too (big accounts haggle). Open ones sit in a late stage
// with its probability. Deterministic: the same leads give the same deals.

import { and, eq, inArray } from "drizzle-orm";
import { refreshDealSources } from "../../app/leads/facts.server";
import type { Database } from "../client";
import { deals, leadEvents, leads } from "../schema";

/** 0 ≤ x < 1 from a string, the same on every run. */
function unit(key: string) {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash / 2 ** 32;
}

const openStages = [
  { stage: "Proposal", probability: 0.5 },
  { stage: "Negotiation", probability: 0.7 },
  { stage: "Contract sent", probability: 0.9 },
];

export async function seedDemoDeals(options: {
  db: Database;
  workspaceId: string;
  timeZone: string;
  now: Date;
  log: (line: string) => void;
}) {
  const { db, workspaceId, now } = options;
  const rows = await db
    .select({
      id: leads.id,
      status: leads.status,
      companySize: leads.companySize,
      company: leads.company,
      email: leads.email,
      ownerUserId: leads.ownerUserId,
    })
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        inArray(leads.status, ["opportunity", "won", "lost"]),
      ),
    );
  const events = rows.length
    ? await db
        .select({ leadId: leadEvents.leadId, to: leadEvents.toStatus, at: leadEvents.occurredAt })
        .from(leadEvents)
        .where(
          and(
            eq(leadEvents.workspaceId, workspaceId),
            inArray(leadEvents.toStatus, ["opportunity", "won", "lost"]),
          ),
        )
    : [];
  const when = (leadId: string, to: string) =>
    events.filter((e) => e.leadId === leadId && e.to === to).sort((a, b) => +b.at - +a.at)[0]?.at;
  const day = (at: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: options.timeZone }).format(at);
  const values = rows.flatMap((lead) => {
    const openedAt = when(lead.id, "opportunity");
    if (!openedAt) return [];
    const size = lead.companySize ?? 50;
    const r = unit(lead.id);
    // €6,000 for the smallest firms up to ~€150,000 for the largest, a year's contract.
    const amountCents = Math.round((6_000 + Math.min(size, 1000) * 140 * (0.6 + r)) / 100) * 10_000;
    const grossMargin =
      Math.round((size > 250 ? 0.38 : size > 50 ? 0.52 : 0.64) * (0.9 + r * 0.2) * 100) / 100;
    const closedAt = lead.status === "opportunity" ? null : (when(lead.id, lead.status) ?? null);
    const status = lead.status === "won" ? "won" : lead.status === "lost" ? "lost" : "open";
    const open = openStages[Math.floor(r * openStages.length)] ?? {
      stage: "Proposal",
      probability: 0.5,
    };
    // Open deals are expected to close in the coming weeks and months, not in the past.
    const expectedClose = new Date(
      Math.max(openedAt.getTime(), now.getTime()) + (7 + Math.floor(r * 110)) * 86_400_000,
    );
    return [
      {
        workspaceId,
        externalId: `CRM-${lead.id.slice(0, 8).toUpperCase()}`,
        leadId: lead.id,
        name: `${lead.company ?? "Deal"} – Noordzee TMS`,
        amountCents,
        grossMargin,
        stage: status === "won" ? "Closed won" : status === "lost" ? "Closed lost" : open.stage,
        probability: status === "won" ? 1 : status === "lost" ? 0 : open.probability,
        status: status as "open" | "won" | "lost",
        openedAt,
        closeDate: closedAt ? day(closedAt) : day(expectedClose),
        closedAt: status === "open" ? null : (closedAt ?? openedAt),
        ownerUserId: lead.ownerUserId,
        contactEmail: lead.email,
        createdAt: openedAt,
        updatedAt: closedAt ?? openedAt,
      },
    ];
  });
  for (let i = 0; i < values.length; i += 500)
    await db.insert(deals).values(values.slice(i, i + 500));
  // Stored directly: their leads' first-touch source is set once, for all of them.
  await refreshDealSources(db, options.workspaceId);
  const won = values.filter((deal) => deal.status === "won");
  const euros = (cents: number) => `€${Math.round(cents / 100).toLocaleString("en-US")}`;
  options.log(
    `Deals: ${values.length} (${won.length} won for ${euros(won.reduce((s, d) => s + d.amountCents, 0))}, ${values.filter((d) => d.status === "open").length} open)`,
  );
}
