-- The lead list sorts a rep's leads and an MQL cohort by company, size or status from these
-- indexes alone, reading only the page's rows from the table (docs/performance.md).
DROP INDEX "leads_workspace_owner_idx";--> statement-breakpoint
DROP INDEX "leads_workspace_mql_idx";--> statement-breakpoint
CREATE INDEX "leads_workspace_owner_idx" ON "leads" USING btree ("workspace_id","owner_user_id","created_at","id","company","company_size","status");--> statement-breakpoint
CREATE INDEX "leads_workspace_mql_idx" ON "leads" USING btree ("workspace_id","mql_at","source","campaign","owner_user_id","status","created_at","id","reached_sal","reached_rejected","reached_sql","company","company_size") WHERE "leads"."mql_at" is not null;