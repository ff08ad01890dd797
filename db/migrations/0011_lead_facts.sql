DROP INDEX "leads_workspace_mql_idx";--> statement-breakpoint
DROP INDEX "leads_workspace_assigned_idx";--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "reached_sal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "reached_rejected" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "reached_sql" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "first_contact_at" timestamp with time zone;--> statement-breakpoint
-- Backfill (hand-written): the facts from the events and activities already stored; the same as
-- app/leads/facts.server.ts refreshLeadFacts, for every workspace. Before the indexes are built.
UPDATE "leads" l SET "reached_sal" = e.sal, "reached_rejected" = e.rejected, "reached_sql" = e.reached_sql
FROM (
  SELECT lead_id, bool_or(to_status = 'sal') AS sal, bool_or(to_status = 'rejected') AS rejected,
    bool_or(to_status = 'sql') AS reached_sql
  FROM "lead_events" WHERE to_status IN ('sal', 'rejected', 'sql') GROUP BY lead_id
) e
WHERE e.lead_id = l.id;--> statement-breakpoint
UPDATE "leads" l SET "first_contact_at" = c.first_contact
FROM (
  SELECT a.lead_id, min(a.occurred_at) AS first_contact
  FROM "activities" a JOIN "leads" l2 ON l2.id = a.lead_id
  WHERE a.occurred_at >= l2.assigned_at GROUP BY a.lead_id
) c
WHERE c.lead_id = l.id;--> statement-breakpoint
CREATE INDEX "leads_workspace_mql_idx" ON "leads" USING btree ("workspace_id","mql_at","source","campaign","owner_user_id","status","created_at","id","reached_sal","reached_rejected","reached_sql") WHERE "leads"."mql_at" is not null;--> statement-breakpoint
CREATE INDEX "leads_workspace_assigned_idx" ON "leads" USING btree ("workspace_id","assigned_at","owner_user_id","source","campaign","id","first_contact_at") WHERE "leads"."assigned_at" is not null;