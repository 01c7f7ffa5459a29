CREATE TYPE "public"."final_decision" AS ENUM('accepted', 'adjourned');--> statement-breakpoint
CREATE TABLE "final_acceptance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"go_live_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"decision" "final_decision" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"new_period_days" integer,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"signature_id" uuid NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "final_acceptance_records_adjourned" CHECK ("final_acceptance_records"."decision" = 'accepted' or ("final_acceptance_records"."new_period_days" between 1 and 365 and length("final_acceptance_records"."reason") > 0))
);
--> statement-breakpoint
CREATE TABLE "go_live_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"release_id" uuid NOT NULL,
	"go_no_go_record_id" uuid NOT NULL,
	"deployed_at" timestamp with time zone NOT NULL,
	"version_deployed" text NOT NULL,
	"deployed_by" text NOT NULL,
	"runbook" jsonb NOT NULL,
	"rollback" text DEFAULT '' NOT NULL,
	"vsr_days" integer NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "go_live_records_vsr_days" CHECK ("go_live_records"."vsr_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "final_acceptance_records" ADD CONSTRAINT "final_acceptance_records_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_acceptance_records" ADD CONSTRAINT "final_acceptance_records_go_live_id_go_live_records_id_fk" FOREIGN KEY ("go_live_id") REFERENCES "public"."go_live_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_acceptance_records" ADD CONSTRAINT "final_acceptance_records_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_acceptance_records" ADD CONSTRAINT "final_acceptance_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "go_live_records" ADD CONSTRAINT "go_live_records_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "go_live_records" ADD CONSTRAINT "go_live_records_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "go_live_records" ADD CONSTRAINT "go_live_records_go_no_go_record_id_go_no_go_records_id_fk" FOREIGN KEY ("go_no_go_record_id") REFERENCES "public"."go_no_go_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "go_live_records" ADD CONSTRAINT "go_live_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "final_acceptance_records_period_key" ON "final_acceptance_records" USING btree ("go_live_id","period");--> statement-breakpoint
CREATE INDEX "final_acceptance_records_project_idx" ON "final_acceptance_records" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "go_live_records_release_key" ON "go_live_records" USING btree ("release_id");