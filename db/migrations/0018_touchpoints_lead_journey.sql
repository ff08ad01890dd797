-- A lead's touches, in order, with the columns the attribution journeys and Markov's learning
-- read: both read them from this index alone (docs/performance.md, "Round 8").
DROP INDEX "touchpoints_lead_idx";--> statement-breakpoint
CREATE INDEX "touchpoints_lead_journey_idx" ON "touchpoints" USING btree ("lead_id","occurred_at","id","workspace_id","source","campaign","content");