-- How many (source, campaign, owner) combinations there are (hand-written: drizzle does not model
-- statistics). Without it PostgreSQL multiplies the columns' own counts, expects a group for
-- nearly every lead of a quarter, and sorts 66,000 leads for the scorecard's contacts by source,
-- campaign and owner where hashing them into their few thousand groups takes a third of the time
-- (docs/performance.md). ANALYZE fills it now; autovacuum keeps it.
CREATE STATISTICS IF NOT EXISTS "leads_breakdown_stats" (ndistinct) ON "source", "campaign", "owner_user_id" FROM "leads";--> statement-breakpoint
ANALYZE "leads";
