// What a rep needs to see about a new lead at a glance (Slack message, App Home): who, company,
// source, pages viewed, content downloaded, and why it is an MQL.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { leads, routingPools, touchpoints, users } from "../../db/schema";
import { isUuid } from "../lib/ids";

export async function getLeadCard(options: { db: Database; workspaceId: string; leadId: string }) {
  if (!isUuid(options.leadId)) return null;
  const [row] = await options.db
    .select({
      lead: leads,
      ownerName: users.name,
      ownerEmail: users.email,
      poolName: routingPools.name,
    })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerUserId))
    .leftJoin(routingPools, eq(routingPools.id, leads.poolId))
    .where(and(eq(leads.id, options.leadId), eq(leads.workspaceId, options.workspaceId)));
  if (!row) return null;
  const touches = await options.db
    .select({ kind: touchpoints.kind, url: touchpoints.url, content: touchpoints.content })
    .from(touchpoints)
    .where(
      and(eq(touchpoints.workspaceId, options.workspaceId), eq(touchpoints.leadId, options.leadId)),
    )
    .orderBy(desc(touchpoints.occurredAt))
    .limit(200);
  const pages = touches.filter((t) => t.kind === "page_view" && t.url).map((t) => t.url as string);
  const downloads = touches
    .filter((t) => t.kind === "content_download")
    .map((t) => t.content ?? "content");
  const reasons = (row.lead.qualification?.results ?? [])
    .filter((r) => r.passed)
    .map((r) => r.reason);
  return {
    lead: row.lead,
    owner: row.ownerName ? { name: row.ownerName, email: row.ownerEmail as string } : null,
    poolName: row.poolName,
    pageViews: pages.length,
    recentPages: [...new Set(pages)].slice(0, 3),
    downloads: [...new Set(downloads)].slice(0, 3),
    whyMql: reasons,
  };
}
export type LeadCard = NonNullable<Awaited<ReturnType<typeof getLeadCard>>>;
