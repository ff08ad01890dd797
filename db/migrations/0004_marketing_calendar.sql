CREATE TYPE "public"."calendar_item_kind" AS ENUM('campaign', 'content', 'event', 'webinar', 'email');--> statement-breakpoint
CREATE TYPE "public"."sales_request_channel" AS ENUM('web', 'slack');--> statement-breakpoint
CREATE TYPE "public"."sales_request_status" AS ENUM('open', 'planned', 'done', 'declined');--> statement-breakpoint
CREATE TABLE "marketing_calendar_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" "calendar_item_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"channel" text,
	"owner_user_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketing_calendar_items_dates_check" CHECK ("marketing_calendar_items"."ends_on" >= "marketing_calendar_items"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "sales_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"body" text NOT NULL,
	"requested_by_user_id" uuid,
	"channel" "sales_request_channel" NOT NULL,
	"status" "sales_request_status" DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_by_user_id" uuid,
	"responded_at" timestamp with time zone,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "sales_requests_body_length_check" CHECK (char_length("sales_requests"."body") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "marketing_calendar_items" ADD CONSTRAINT "marketing_calendar_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_calendar_items" ADD CONSTRAINT "marketing_calendar_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_calendar_items" ADD CONSTRAINT "marketing_calendar_items_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_requests" ADD CONSTRAINT "sales_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_requests" ADD CONSTRAINT "sales_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_requests" ADD CONSTRAINT "sales_requests_responded_by_user_id_users_id_fk" FOREIGN KEY ("responded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marketing_calendar_items_workspace_ends_idx" ON "marketing_calendar_items" USING btree ("workspace_id","ends_on","starts_on");--> statement-breakpoint
CREATE INDEX "marketing_calendar_items_workspace_starts_idx" ON "marketing_calendar_items" USING btree ("workspace_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_requests_idempotency_key" ON "sales_requests" USING btree ("workspace_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "sales_requests_workspace_created_idx" ON "sales_requests" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "sales_requests_open_idx" ON "sales_requests" USING btree ("workspace_id","created_at") WHERE "sales_requests"."closed_at" is null;