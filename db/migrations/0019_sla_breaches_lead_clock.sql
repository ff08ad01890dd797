-- A deleted lead's breaches, and a deleted clock's, are found by these (ON DELETE CASCADE):
-- without them every deleted lead and clock read the whole table (docs/performance.md,
-- "Round 10").
CREATE INDEX "sla_breaches_lead_idx" ON "sla_breaches" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "sla_breaches_clock_idx" ON "sla_breaches" USING btree ("clock_id");