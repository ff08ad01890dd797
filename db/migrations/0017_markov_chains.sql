CREATE TABLE "markov_chains" (
	"workspace_id" uuid NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"dimension" text NOT NULL,
	"removal_effects" jsonb NOT NULL,
	"journeys" integer NOT NULL,
	"learnt_at" timestamp with time zone NOT NULL,
	"learn_ms" integer NOT NULL,
	CONSTRAINT "markov_chains_workspace_id_end_at_dimension_pk" PRIMARY KEY("workspace_id","end_at","dimension")
);
--> statement-breakpoint
ALTER TABLE "markov_chains" ADD CONSTRAINT "markov_chains_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;