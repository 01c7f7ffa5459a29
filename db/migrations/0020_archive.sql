CREATE TABLE "project_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"format_version" integer NOT NULL,
	"source_project_key" text NOT NULL,
	"source_project_name" text NOT NULL,
	"exported_at" timestamp with time zone NOT NULL,
	"archive_sha256" text NOT NULL,
	"people" jsonb NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signatures" ALTER COLUMN "signer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "go_no_go_records" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "project_imports" ADD CONSTRAINT "project_imports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_imports" ADD CONSTRAINT "project_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_imports_project_idx" ON "project_imports" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_import_id_project_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."project_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "go_no_go_records" ADD CONSTRAINT "go_no_go_records_import_id_project_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."project_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_import_id_project_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."project_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_signer_known" CHECK ("signatures"."signer_id" is not null or "signatures"."import_id" is not null);