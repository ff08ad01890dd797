DROP INDEX "lead_events_lead_idx";--> statement-breakpoint
DROP INDEX "lead_events_workspace_to_idx";--> statement-breakpoint
DROP INDEX "leads_workspace_mql_idx";--> statement-breakpoint
DROP INDEX "leads_workspace_assigned_idx";--> statement-breakpoint
DROP INDEX "sla_clocks_workspace_started_idx";--> statement-breakpoint
CREATE INDEX "leads_workspace_campaign_idx" ON "leads" USING btree ("workspace_id","campaign","created_at");--> statement-breakpoint
CREATE INDEX "leads_id_source_campaign_idx" ON "leads" USING btree ("id","source","campaign");--> statement-breakpoint
CREATE INDEX "lead_events_lead_idx" ON "lead_events" USING btree ("lead_id","occurred_at","to_status");--> statement-breakpoint
CREATE INDEX "lead_events_workspace_to_idx" ON "lead_events" USING btree ("workspace_id","to_status","occurred_at","lead_id");--> statement-breakpoint
CREATE INDEX "leads_workspace_mql_idx" ON "leads" USING btree ("workspace_id","mql_at","source","campaign","owner_user_id","status","created_at","id") WHERE "leads"."mql_at" is not null;--> statement-breakpoint
CREATE INDEX "leads_workspace_assigned_idx" ON "leads" USING btree ("workspace_id","assigned_at","owner_user_id","source","campaign","id") WHERE "leads"."assigned_at" is not null;--> statement-breakpoint
CREATE INDEX "sla_clocks_workspace_started_idx" ON "sla_clocks" USING btree ("workspace_id","kind","started_at","state","due_at","met_at","owner_user_id","lead_id","target");