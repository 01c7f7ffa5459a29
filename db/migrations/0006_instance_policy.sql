CREATE TABLE "instance_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"project_creation" text DEFAULT 'admins' NOT NULL,
	"owners_may_create_accounts" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instance_settings_single_row" CHECK ("instance_settings"."id" = 1),
	CONSTRAINT "instance_settings_project_creation" CHECK ("instance_settings"."project_creation" in ('admins', 'creators', 'everyone'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_project_creator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "instance_settings" ADD CONSTRAINT "instance_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- The one settings row, with the safe defaults; the application only ever updates it.
INSERT INTO "instance_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;