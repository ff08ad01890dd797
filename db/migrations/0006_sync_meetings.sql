CREATE TYPE "public"."sync_meeting_status" AS ENUM('running', 'ended');--> statement-breakpoint
CREATE TYPE "public"."sync_note_kind" AS ENUM('note', 'decision');--> statement-breakpoint
CREATE TABLE "sync_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"status" "sync_meeting_status" DEFAULT 'running' NOT NULL,
	"agenda" jsonb NOT NULL,
	"facilitator_user_id" uuid,
	"started_by_user_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"current_block" integer DEFAULT 1 NOT NULL,
	"block_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"block_timings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	CONSTRAINT "sync_meetings_block_check" CHECK ("sync_meetings"."current_block" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "sync_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"block" integer NOT NULL,
	"kind" "sync_note_kind" NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_notes_block_check" CHECK ("sync_notes"."block" between 1 and 3),
	CONSTRAINT "sync_notes_body_length_check" CHECK (char_length("sync_notes"."body") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "sync_meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "sync_block" integer;--> statement-breakpoint
ALTER TABLE "sync_meetings" ADD CONSTRAINT "sync_meetings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_meetings" ADD CONSTRAINT "sync_meetings_facilitator_user_id_users_id_fk" FOREIGN KEY ("facilitator_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_meetings" ADD CONSTRAINT "sync_meetings_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_meetings" ADD CONSTRAINT "sync_meetings_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_notes" ADD CONSTRAINT "sync_notes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_notes" ADD CONSTRAINT "sync_notes_meeting_id_sync_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."sync_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_notes" ADD CONSTRAINT "sync_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sync_meetings_workspace_week_key" ON "sync_meetings" USING btree ("workspace_id","week_start");--> statement-breakpoint
CREATE INDEX "sync_notes_meeting_idx" ON "sync_notes" USING btree ("meeting_id","created_at");--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_sync_meeting_id_sync_meetings_id_fk" FOREIGN KEY ("sync_meeting_id") REFERENCES "public"."sync_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_sync_meeting_idx" ON "action_items" USING btree ("sync_meeting_id");