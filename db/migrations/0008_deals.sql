CREATE TYPE "public"."deal_status" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"external_id" text,
	"lead_id" uuid,
	"name" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"gross_margin" double precision,
	"stage" text NOT NULL,
	"probability" double precision NOT NULL,
	"status" "deal_status" DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"close_date" date,
	"closed_at" timestamp with time zone,
	"owner_user_id" uuid,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_amount_check" CHECK ("deals"."amount_cents" >= 0),
	CONSTRAINT "deals_margin_check" CHECK ("deals"."gross_margin" is null or "deals"."gross_margin" between 0 and 1),
	CONSTRAINT "deals_probability_check" CHECK ("deals"."probability" between 0 and 1),
	CONSTRAINT "deals_closed_check" CHECK (("deals"."status" = 'open') = ("deals"."closed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "source_kinds" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deals_external_id_key" ON "deals" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "deals_workspace_opened_idx" ON "deals" USING btree ("workspace_id","opened_at");--> statement-breakpoint
CREATE INDEX "deals_workspace_closed_idx" ON "deals" USING btree ("workspace_id","status","closed_at");--> statement-breakpoint
CREATE INDEX "deals_lead_idx" ON "deals" USING btree ("lead_id");