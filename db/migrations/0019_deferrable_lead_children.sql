-- A lead's events, notes and touchpoints may be stored before the lead within a transaction
-- that defers these checks (SET CONSTRAINTS … DEFERRED): intake stores a batch's new MQLs'
-- children before taking the routing lock, and the MQLs under it (docs/performance.md,
-- "Round 10"). INITIALLY IMMEDIATE: every other statement is checked at once, as before.
ALTER TABLE "lead_events" ALTER CONSTRAINT "lead_events_lead_id_leads_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "lead_notes" ALTER CONSTRAINT "lead_notes_lead_id_leads_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "touchpoints" ALTER CONSTRAINT "touchpoints_lead_id_leads_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
