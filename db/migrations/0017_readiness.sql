CREATE TYPE "public"."checklist_status" AS ENUM('todo', 'in_progress', 'done', 'not_applicable');--> statement-breakpoint
CREATE TYPE "public"."go_no_go_decision" AS ENUM('go', 'go_with_reservations', 'no_go');--> statement-breakpoint
CREATE TABLE "go_no_go_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"release_id" uuid NOT NULL,
	"proposed_decision" "go_no_go_decision" NOT NULL,
	"decision" "go_no_go_decision" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"participants" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"snapshot_hash" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "go_no_go_records_reason" CHECK ("go_no_go_records"."decision" = "go_no_go_records"."proposed_decision" or length("go_no_go_records"."reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "readiness_thresholds" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"max_blocking" integer NOT NULL,
	"max_major" integer NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_thresholds_non_negative" CHECK ("readiness_thresholds"."max_blocking" >= 0 and "readiness_thresholds"."max_major" >= 0)
);
--> statement-breakpoint
CREATE TABLE "release_campaigns" (
	"release_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "release_campaigns_release_id_campaign_id_pk" PRIMARY KEY("release_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "release_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"release_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"owner_id" uuid,
	"status" "checklist_status" DEFAULT 'todo' NOT NULL,
	"evidence_url" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"version" text DEFAULT '' NOT NULL,
	"target_date" date,
	"scope" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "go_no_go_records" ADD CONSTRAINT "go_no_go_records_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "go_no_go_records" ADD CONSTRAINT "go_no_go_records_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "go_no_go_records" ADD CONSTRAINT "go_no_go_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_thresholds" ADD CONSTRAINT "readiness_thresholds_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_thresholds" ADD CONSTRAINT "readiness_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_campaigns" ADD CONSTRAINT "release_campaigns_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_campaigns" ADD CONSTRAINT "release_campaigns_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_campaigns" ADD CONSTRAINT "release_campaigns_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_checklist_items" ADD CONSTRAINT "release_checklist_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_checklist_items" ADD CONSTRAINT "release_checklist_items_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_checklist_items" ADD CONSTRAINT "release_checklist_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "go_no_go_records_release_idx" ON "go_no_go_records" USING btree ("release_id","recorded_at");--> statement-breakpoint
CREATE INDEX "release_campaigns_campaign_idx" ON "release_campaigns" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "release_checklist_items_release_idx" ON "release_checklist_items" USING btree ("release_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "releases_project_number_key" ON "releases" USING btree ("project_id","number");