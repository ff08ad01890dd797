ALTER TABLE "deals" ADD COLUMN "first_touch_source" text;--> statement-breakpoint
-- Backfill (hand-written): as app/leads/facts.server.ts refreshDealSources, for every workspace.
UPDATE "deals" d SET "first_touch_source" = coalesce(
  (SELECT t.source FROM "touchpoints" t WHERE t.lead_id = l.id AND t.source IS NOT NULL
    ORDER BY t.occurred_at ASC, t.id ASC LIMIT 1),
  l.source)
FROM "leads" l
WHERE l.id = d.lead_id;
