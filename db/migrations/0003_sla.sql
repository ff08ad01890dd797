CREATE TYPE "public"."action_item_origin" AS ENUM('consequence', 'sync', 'manual');--> statement-breakpoint
CREATE TYPE "public"."action_item_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."escalation_level" AS ENUM('owner', 'team_lead');--> statement-breakpoint
CREATE TYPE "public"."sla_breach_kind" AS ENUM('first_contact', 'attempts', 'feedback', 'mql_volume', 'sql_share', 'completeness');--> statement-breakpoint
CREATE TYPE "public"."sla_clock_kind" AS ENUM('first_contact', 'attempts', 'feedback');--> statement-breakpoint
CREATE TYPE "public"."sla_clock_state" AS ENUM('running', 'met', 'breached', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."sla_period_kind" AS ENUM('mql_volume', 'sql_share', 'completeness');--> statement-breakpoint
CREATE TYPE "public"."sla_period_unit" AS ENUM('week', 'month');--> statement-breakpoint
CREATE TYPE "public"."sla_side" AS ENUM('marketing', 'sales');--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"side" "sla_side",
	"owner_user_id" uuid,
	"due_on" text,
	"status" "action_item_status" DEFAULT 'open' NOT NULL,
	"origin" "action_item_origin" NOT NULL,
	"origin_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "definition_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"prose" text DEFAULT '' NOT NULL,
	"terms" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"proposed_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sla_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"team" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_breaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"side" "sla_side" NOT NULL,
	"kind" "sla_breach_kind" NOT NULL,
	"subject_key" text NOT NULL,
	"clock_id" uuid,
	"period_result_id" uuid,
	"lead_id" uuid,
	"owner_user_id" uuid,
	"segment" text,
	"due_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"level" "escalation_level" DEFAULT 'owner' NOT NULL,
	"escalate_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"reassigned_to_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"agreement_id" uuid,
	"kind" "sla_clock_kind" NOT NULL,
	"owner_user_id" uuid,
	"segment" text,
	"target" integer,
	"started_at" timestamp with time zone NOT NULL,
	"warn_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" "sla_clock_state" DEFAULT 'running' NOT NULL,
	"warned_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_period_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"agreement_id" uuid,
	"unit" "sla_period_unit" NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"kind" "sla_period_kind" NOT NULL,
	"segment" text DEFAULT '' NOT NULL,
	"target" real NOT NULL,
	"actual" real,
	"numerator" integer NOT NULL,
	"denominator" integer NOT NULL,
	"met" boolean NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "holidays" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "digest_weekday" text DEFAULT 'monday' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "digest_time" text DEFAULT '08:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "digest_slack_channel_id" text;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_agreements" ADD CONSTRAINT "sla_agreements_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_agreements" ADD CONSTRAINT "sla_agreements_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_approvals" ADD CONSTRAINT "sla_approvals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_approvals" ADD CONSTRAINT "sla_approvals_agreement_id_sla_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sla_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_approvals" ADD CONSTRAINT "sla_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_breaches" ADD CONSTRAINT "sla_breaches_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_breaches" ADD CONSTRAINT "sla_breaches_clock_id_sla_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sla_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_breaches" ADD CONSTRAINT "sla_breaches_period_result_id_sla_period_results_id_fk" FOREIGN KEY ("period_result_id") REFERENCES "public"."sla_period_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_breaches" ADD CONSTRAINT "sla_breaches_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_breaches" ADD CONSTRAINT "sla_breaches_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_breaches" ADD CONSTRAINT "sla_breaches_reassigned_to_user_id_users_id_fk" FOREIGN KEY ("reassigned_to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_agreement_id_sla_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sla_agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_period_results" ADD CONSTRAINT "sla_period_results_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_period_results" ADD CONSTRAINT "sla_period_results_agreement_id_sla_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sla_agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_workspace_status_idx" ON "action_items" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "action_items_open_origin_key" ON "action_items" USING btree ("workspace_id","origin_key") WHERE "action_items"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_key" ON "outbox" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("available_at") WHERE "outbox"."delivered_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_agreements_number_key" ON "sla_agreements" USING btree ("workspace_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_agreements_one_active_key" ON "sla_agreements" USING btree ("workspace_id") WHERE "sla_agreements"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "sla_approvals_agreement_team_key" ON "sla_approvals" USING btree ("agreement_id","team");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_breaches_subject_key" ON "sla_breaches" USING btree ("workspace_id","subject_key");--> statement-breakpoint
CREATE INDEX "sla_breaches_workspace_due_idx" ON "sla_breaches" USING btree ("workspace_id","due_at");--> statement-breakpoint
CREATE INDEX "sla_breaches_owner_idx" ON "sla_breaches" USING btree ("workspace_id","owner_user_id","due_at");--> statement-breakpoint
CREATE INDEX "sla_breaches_escalate_idx" ON "sla_breaches" USING btree ("escalate_at") WHERE "sla_breaches"."escalate_at" is not null and "sla_breaches"."escalated_at" is null;--> statement-breakpoint
CREATE INDEX "sla_clocks_lead_idx" ON "sla_clocks" USING btree ("lead_id","kind");--> statement-breakpoint
CREATE INDEX "sla_clocks_owner_idx" ON "sla_clocks" USING btree ("workspace_id","owner_user_id","state","due_at");--> statement-breakpoint
CREATE INDEX "sla_clocks_workspace_started_idx" ON "sla_clocks" USING btree ("workspace_id","kind","started_at");--> statement-breakpoint
CREATE INDEX "sla_clocks_due_idx" ON "sla_clocks" USING btree ("due_at") WHERE "sla_clocks"."state" = 'running';--> statement-breakpoint
CREATE INDEX "sla_clocks_warn_idx" ON "sla_clocks" USING btree ("warn_at") WHERE "sla_clocks"."state" = 'running' and "sla_clocks"."warned_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_period_results_key" ON "sla_period_results" USING btree ("workspace_id","unit","period_start","kind","segment");--> statement-breakpoint
CREATE INDEX "leads_workspace_assigned_idx" ON "leads" USING btree ("workspace_id","assigned_at") WHERE "leads"."assigned_at" is not null;--> statement-breakpoint
CREATE INDEX "leads_workspace_held_back_idx" ON "leads" USING btree ("workspace_id","held_back_at") WHERE "leads"."held_back_at" is not null;