DROP INDEX "leads_id_source_campaign_idx";--> statement-breakpoint
DROP INDEX "sla_clocks_workspace_started_idx";--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "lead_source" text;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "lead_campaign" text;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "attempts_made" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill (hand-written): each clock's lead's source and campaign, and the attempts in each
-- attempts clock's window; as app/leads/facts.server.ts refreshLeadFacts, for every workspace.
UPDATE "sla_clocks" c SET "lead_source" = l.source, "lead_campaign" = l.campaign
FROM "leads" l
WHERE l.id = c.lead_id AND (l.source IS NOT NULL OR l.campaign IS NOT NULL);--> statement-breakpoint
UPDATE "sla_clocks" c SET "attempts_made" = m.made
FROM (
  SELECT c2.id, count(*)::int AS made
  FROM "sla_clocks" c2
  JOIN "activities" a ON a.lead_id = c2.lead_id AND a.occurred_at >= c2.started_at AND a.occurred_at <= c2.due_at
  WHERE c2.kind = 'attempts'
  GROUP BY c2.id
) m
WHERE m.id = c.id;--> statement-breakpoint
CREATE INDEX "sla_clocks_workspace_started_idx" ON "sla_clocks" USING btree ("workspace_id","kind","started_at","state","due_at","met_at","owner_user_id","lead_id","target","lead_source","lead_campaign","attempts_made");