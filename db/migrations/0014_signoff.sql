CREATE TYPE "public"."approval_status" AS ENUM('pending', 'approved', 'approved_with_reservations', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."deliverable_kind" AS ENUM('baseline', 'campaign_report', 'go_no_go', 'reservation_lifting');--> statement-breakpoint
CREATE TYPE "public"."raci_role" AS ENUM('responsible', 'approver', 'consulted', 'informed');--> statement-breakpoint
CREATE TYPE "public"."reservation_status" AS ENUM('open', 'lifted');--> statement-breakpoint
CREATE TYPE "public"."signature_meaning" AS ENUM('authored', 'reviewed', 'approved', 'approved_with_reservations', 'rejected', 'go', 'no_go', 'reservation_lifted', 'revoked');--> statement-breakpoint
CREATE TABLE "approval_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"item_key" text,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"deliverable" "deliverable_kind" NOT NULL,
	"baseline_id" uuid,
	"campaign_id" uuid,
	"message" text DEFAULT '' NOT NULL,
	"status" "approval_status" DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "baseline_items" (
	"baseline_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "baseline_items_baseline_id_kind_item_id_pk" PRIMARY KEY("baseline_id","kind","item_id")
);
--> statement-breakpoint
CREATE TABLE "baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raci_assignments" (
	"project_id" uuid NOT NULL,
	"deliverable" "deliverable_kind" NOT NULL,
	"user_id" uuid NOT NULL,
	"raci_role" "raci_role" NOT NULL,
	CONSTRAINT "raci_assignments_project_id_deliverable_user_id_pk" PRIMARY KEY("project_id","deliverable","user_id")
);
--> statement-breakpoint
CREATE TABLE "raci_settings" (
	"project_id" uuid NOT NULL,
	"deliverable" "deliverable_kind" NOT NULL,
	"quorum" integer,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "raci_settings_project_id_deliverable_pk" PRIMARY KEY("project_id","deliverable")
);
--> statement-breakpoint
CREATE TABLE "reservation_anomalies" (
	"reservation_id" uuid NOT NULL,
	"anomaly_id" uuid NOT NULL,
	CONSTRAINT "reservation_anomalies_reservation_id_anomaly_id_pk" PRIMARY KEY("reservation_id","anomaly_id")
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"request_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid,
	"due_date" date NOT NULL,
	"status" "reservation_status" DEFAULT 'open' NOT NULL,
	"lifted_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "signatures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" uuid NOT NULL,
	"signer_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signer_role" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meaning" "signature_meaning" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"subject_version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"revokes_id" bigint
);
--> statement-breakpoint
ALTER TABLE "approval_comments" ADD CONSTRAINT "approval_comments_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_comments" ADD CONSTRAINT "approval_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_baseline_id_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."baselines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_baseline_id_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."baselines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raci_assignments" ADD CONSTRAINT "raci_assignments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raci_assignments" ADD CONSTRAINT "raci_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raci_settings" ADD CONSTRAINT "raci_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_anomalies" ADD CONSTRAINT "reservation_anomalies_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_anomalies" ADD CONSTRAINT "reservation_anomalies_anomaly_id_anomalies_id_fk" FOREIGN KEY ("anomaly_id") REFERENCES "public"."anomalies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_comments_request_idx" ON "approval_comments" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_requests_project_number_key" ON "approval_requests" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "approval_requests_project_status_idx" ON "approval_requests" USING btree ("project_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "baselines_project_number_key" ON "baselines" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_project_number_key" ON "reservations" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "reservations_project_status_idx" ON "reservations" USING btree ("project_id","status","due_date");--> statement-breakpoint
CREATE INDEX "signatures_subject_idx" ON "signatures" USING btree ("project_id","subject_kind","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_once_key" ON "signatures" USING btree ("subject_kind","subject_id","subject_version","signer_id") WHERE "signatures"."revokes_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_revokes_key" ON "signatures" USING btree ("revokes_id") WHERE "signatures"."revokes_id" is not null;