-- The rows of a lead (events, notes, touchpoints, SLA clocks, routing decisions) point at it by
-- (workspace_id, lead_id), one foreign key instead of one to the workspace and one to the lead:
-- a row can name a lead only of its own workspace, and intake checks half as many keys.
-- NOT VALID: rows already stored were checked by the two keys this replaces, and validating
-- every touchpoint against its lead would read them all at start-up. New and
-- changed rows are checked; `ALTER TABLE … VALIDATE CONSTRAINT …` checks the rest when wanted.
CREATE UNIQUE INDEX "leads_workspace_lead_key" ON "leads" USING btree ("workspace_id","id");--> statement-breakpoint
ALTER TABLE "lead_events" DROP CONSTRAINT "lead_events_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "lead_events" DROP CONSTRAINT "lead_events_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "lead_notes" DROP CONSTRAINT "lead_notes_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "lead_notes" DROP CONSTRAINT "lead_notes_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "routing_decisions" DROP CONSTRAINT "routing_decisions_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "routing_decisions" DROP CONSTRAINT "routing_decisions_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "sla_clocks" DROP CONSTRAINT "sla_clocks_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "sla_clocks" DROP CONSTRAINT "sla_clocks_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "touchpoints" DROP CONSTRAINT "touchpoints_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "touchpoints" DROP CONSTRAINT "touchpoints_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "routing_decisions" ADD CONSTRAINT "routing_decisions_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action NOT VALID;
