CREATE TABLE "reqif_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "requirement_relations" (
	"project_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"source_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"type_name" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_relations_project_id_identifier_pk" PRIMARY KEY("project_id","identifier")
);
--> statement-breakpoint
CREATE TABLE "requirement_reqif_sources" (
	"requirement_id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"imported_version" integer NOT NULL,
	"type_name" text DEFAULT '' NOT NULL,
	"specification" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reqif_uploads" ADD CONSTRAINT "reqif_uploads_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reqif_uploads" ADD CONSTRAINT "reqif_uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_source_id_requirements_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_target_id_requirements_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_reqif_sources" ADD CONSTRAINT "requirement_reqif_sources_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_reqif_sources" ADD CONSTRAINT "requirement_reqif_sources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reqif_uploads_project_idx" ON "reqif_uploads" USING btree ("project_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "requirement_relations_source_idx" ON "requirement_relations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "requirement_relations_target_idx" ON "requirement_relations" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_reqif_sources_identifier_key" ON "requirement_reqif_sources" USING btree ("project_id","identifier");