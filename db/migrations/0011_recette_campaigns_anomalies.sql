CREATE TYPE "public"."campaign_status" AS ENUM('planned', 'in_progress', 'closed');--> statement-breakpoint
CREATE TYPE "public"."campaign_type" AS ENUM('vabf', 'vsr', 'non_regression', 'performance', 'security', 'user_acceptance');--> statement-breakpoint
CREATE TYPE "public"."execution_source" AS ENUM('manual', 'junit', 'performance_report');--> statement-breakpoint
CREATE TYPE "public"."execution_status" AS ENUM('in_progress', 'passed', 'failed', 'blocked');--> statement-breakpoint
CREATE TYPE "public"."anomaly_event_kind" AS ENUM('created', 'status', 'updated', 'comment');--> statement-breakpoint
CREATE TYPE "public"."anomaly_priority" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."anomaly_severity" AS ENUM('blocking', 'major', 'minor');--> statement-breakpoint
CREATE TYPE "public"."anomaly_status" AS ENUM('new', 'analysis', 'fixing', 'to_retest', 'closed', 'rejected', 'reopened');--> statement-breakpoint
CREATE TABLE "campaign_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"test_case_id" uuid NOT NULL,
	"planned_version" integer NOT NULL,
	"position" integer NOT NULL,
	"assignee_id" uuid,
	"not_run_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"type" "campaign_type" NOT NULL,
	"environment" text DEFAULT '' NOT NULL,
	"build" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"status" "campaign_status" DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"campaign_item_id" uuid NOT NULL,
	"test_case_id" uuid NOT NULL,
	"test_case_version" integer NOT NULL,
	"steps" jsonb NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"step_results" jsonb NOT NULL,
	"measurements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"derived_status" "execution_status" DEFAULT 'in_progress' NOT NULL,
	"status" "execution_status" DEFAULT 'in_progress' NOT NULL,
	"override_reason" text,
	"comment" text DEFAULT '' NOT NULL,
	"source" "execution_source" DEFAULT 'manual' NOT NULL,
	"campaign_name" text NOT NULL,
	"environment" text DEFAULT '' NOT NULL,
	"build" text DEFAULT '' NOT NULL,
	"executed_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "executions_override_reason" CHECK ("executions"."status" = "executions"."derived_status" or "executions"."override_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"steps_to_reproduce" text DEFAULT '' NOT NULL,
	"expected_result" text DEFAULT '' NOT NULL,
	"actual_result" text DEFAULT '' NOT NULL,
	"severity" "anomaly_severity" NOT NULL,
	"priority" "anomaly_priority" DEFAULT 'medium' NOT NULL,
	"status" "anomaly_status" DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"fix_version" text DEFAULT '' NOT NULL,
	"environment" text DEFAULT '' NOT NULL,
	"build" text DEFAULT '' NOT NULL,
	"campaign_id" uuid,
	"test_case_id" uuid,
	"execution_id" uuid,
	"step_index" integer,
	"production" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', passerelle_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(steps_to_reproduce, '') || ' ' || coalesce(expected_result, '') || ' ' || coalesce(actual_result, ''))), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "anomaly_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"anomaly_id" uuid NOT NULL,
	"kind" "anomaly_event_kind" NOT NULL,
	"from_status" "anomaly_status",
	"to_status" "anomaly_status",
	"body" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anomaly_executions" (
	"anomaly_id" uuid NOT NULL,
	"execution_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "anomaly_executions_anomaly_id_execution_id_pk" PRIMARY KEY("anomaly_id","execution_id")
);
--> statement-breakpoint
CREATE TABLE "anomaly_specifications" (
	"anomaly_id" uuid NOT NULL,
	"specification_id" uuid NOT NULL,
	CONSTRAINT "anomaly_specifications_anomaly_id_specification_id_pk" PRIMARY KEY("anomaly_id","specification_id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"execution_id" uuid,
	"step_index" integer,
	"anomaly_id" uuid,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "attachments_owner" CHECK ("attachments"."execution_id" is not null or "attachments"."anomaly_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_test_case_id_test_cases_id_fk" FOREIGN KEY ("test_case_id") REFERENCES "public"."test_cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_campaign_item_id_campaign_items_id_fk" FOREIGN KEY ("campaign_item_id") REFERENCES "public"."campaign_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_test_case_id_test_cases_id_fk" FOREIGN KEY ("test_case_id") REFERENCES "public"."test_cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_executed_by_users_id_fk" FOREIGN KEY ("executed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_test_case_id_test_cases_id_fk" FOREIGN KEY ("test_case_id") REFERENCES "public"."test_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_execution_id_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."executions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_events" ADD CONSTRAINT "anomaly_events_anomaly_id_anomalies_id_fk" FOREIGN KEY ("anomaly_id") REFERENCES "public"."anomalies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_events" ADD CONSTRAINT "anomaly_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_executions" ADD CONSTRAINT "anomaly_executions_anomaly_id_anomalies_id_fk" FOREIGN KEY ("anomaly_id") REFERENCES "public"."anomalies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_executions" ADD CONSTRAINT "anomaly_executions_execution_id_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_specifications" ADD CONSTRAINT "anomaly_specifications_anomaly_id_anomalies_id_fk" FOREIGN KEY ("anomaly_id") REFERENCES "public"."anomalies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomaly_specifications" ADD CONSTRAINT "anomaly_specifications_specification_id_specifications_id_fk" FOREIGN KEY ("specification_id") REFERENCES "public"."specifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_execution_id_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_anomaly_id_anomalies_id_fk" FOREIGN KEY ("anomaly_id") REFERENCES "public"."anomalies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_items_campaign_test_case_key" ON "campaign_items" USING btree ("campaign_id","test_case_id");--> statement-breakpoint
CREATE INDEX "campaign_items_campaign_position_idx" ON "campaign_items" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "campaign_items_test_case_idx" ON "campaign_items" USING btree ("test_case_id");--> statement-breakpoint
CREATE INDEX "campaign_items_assignee_idx" ON "campaign_items" USING btree ("campaign_id","assignee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_project_number_key" ON "campaigns" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "campaigns_project_status_idx" ON "campaigns" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "executions_item_started_idx" ON "executions" USING btree ("campaign_item_id","started_at");--> statement-breakpoint
CREATE INDEX "executions_campaign_idx" ON "executions" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "executions_test_case_idx" ON "executions" USING btree ("test_case_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "anomalies_project_number_key" ON "anomalies" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "anomalies_project_status_idx" ON "anomalies" USING btree ("project_id","status","severity");--> statement-breakpoint
CREATE INDEX "anomalies_campaign_idx" ON "anomalies" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "anomalies_search_idx" ON "anomalies" USING gin ("search");--> statement-breakpoint
CREATE INDEX "anomaly_events_anomaly_at_idx" ON "anomaly_events" USING btree ("anomaly_id","at");--> statement-breakpoint
CREATE INDEX "anomaly_executions_execution_idx" ON "anomaly_executions" USING btree ("execution_id");--> statement-breakpoint
CREATE INDEX "anomaly_specifications_spec_idx" ON "anomaly_specifications" USING btree ("specification_id");--> statement-breakpoint
CREATE INDEX "attachments_execution_idx" ON "attachments" USING btree ("execution_id");--> statement-breakpoint
CREATE INDEX "attachments_anomaly_idx" ON "attachments" USING btree ("anomaly_id");