CREATE TYPE "public"."requirement_priority" AS ENUM('must', 'should', 'could', 'wont');--> statement-breakpoint
CREATE TYPE "public"."requirement_status" AS ENUM('draft', 'validated', 'obsolete');--> statement-breakpoint
CREATE TYPE "public"."specification_category" AS ENUM('architecture', 'interface', 'data', 'security', 'performance', 'infrastructure', 'operations');--> statement-breakpoint
CREATE TYPE "public"."specification_status" AS ENUM('draft', 'in_review', 'approved', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."trace_link_kind" AS ENUM('requirement_specification', 'specification_test_case', 'requirement_test_case');--> statement-breakpoint
CREATE TABLE "ref_counters" (
	"project_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ref_counters_project_id_prefix_pk" PRIMARY KEY("project_id","prefix")
);
--> statement-breakpoint
CREATE TABLE "requirement_versions" (
	"requirement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_versions_requirement_id_version_pk" PRIMARY KEY("requirement_id","version")
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"parent_id" uuid,
	"title" text NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"acceptance_criteria" text DEFAULT '' NOT NULL,
	"priority" "requirement_priority" NOT NULL,
	"status" "requirement_status" DEFAULT 'draft' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', passerelle_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(statement, '') || ' ' || coalesce(acceptance_criteria, ''))), 'B') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(rationale, '') || ' ' || coalesce(source, ''))), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "specification_versions" (
	"specification_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "specification_versions_specification_id_version_pk" PRIMARY KEY("specification_id","version")
);
--> statement-breakpoint
CREATE TABLE "specifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"category" "specification_category" NOT NULL,
	"status" "specification_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', passerelle_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(body, ''))), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "trace_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "trace_link_kind" NOT NULL,
	"upstream_id" uuid NOT NULL,
	"downstream_id" uuid NOT NULL,
	"reviewed_version" integer NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ref_counters" ADD CONSTRAINT "ref_counters_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_versions" ADD CONSTRAINT "requirement_versions_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_versions" ADD CONSTRAINT "requirement_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_parent_id_requirements_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specification_versions" ADD CONSTRAINT "specification_versions_specification_id_specifications_id_fk" FOREIGN KEY ("specification_id") REFERENCES "public"."specifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specification_versions" ADD CONSTRAINT "specification_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specifications" ADD CONSTRAINT "specifications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specifications" ADD CONSTRAINT "specifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specifications" ADD CONSTRAINT "specifications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_links" ADD CONSTRAINT "trace_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_links" ADD CONSTRAINT "trace_links_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_links" ADD CONSTRAINT "trace_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requirements_project_number_key" ON "requirements" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "requirements_project_parent_idx" ON "requirements" USING btree ("project_id","parent_id");--> statement-breakpoint
CREATE INDEX "requirements_search_idx" ON "requirements" USING gin ("search");--> statement-breakpoint
CREATE INDEX "requirements_tags_idx" ON "requirements" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "specifications_project_number_key" ON "specifications" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "specifications_project_status_idx" ON "specifications" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "specifications_search_idx" ON "specifications" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "trace_links_pair_key" ON "trace_links" USING btree ("kind","upstream_id","downstream_id");--> statement-breakpoint
CREATE INDEX "trace_links_project_idx" ON "trace_links" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "trace_links_downstream_idx" ON "trace_links" USING btree ("downstream_id");--> statement-breakpoint
CREATE INDEX "trace_links_upstream_idx" ON "trace_links" USING btree ("upstream_id");