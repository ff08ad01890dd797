CREATE TABLE "campaign_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"campaign" text NOT NULL,
	"source" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"note" text,
	"external_id" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_costs_dates_check" CHECK ("campaign_costs"."ends_on" >= "campaign_costs"."starts_on"),
	CONSTRAINT "campaign_costs_amount_check" CHECK ("campaign_costs"."amount_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "campaign_costs" ADD CONSTRAINT "campaign_costs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_costs" ADD CONSTRAINT "campaign_costs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_costs_workspace_dates_idx" ON "campaign_costs" USING btree ("workspace_id","ends_on","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_costs_external_id_key" ON "campaign_costs" USING btree ("workspace_id","external_id");