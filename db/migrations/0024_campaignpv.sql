ALTER TABLE "approval_requests" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "snapshot" jsonb;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_requests_campaign_idx" ON "approval_requests" USING btree ("campaign_id");--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_subject" CHECK (("approval_requests"."deliverable" = 'baseline' and "approval_requests"."baseline_id" is not null and "approval_requests"."campaign_id" is null and "approval_requests"."snapshot" is null)
        or ("approval_requests"."deliverable" = 'campaign_report' and "approval_requests"."campaign_id" is not null and "approval_requests"."baseline_id" is null and "approval_requests"."snapshot" is not null));--> statement-breakpoint
-- What a request is about, and a campaign report's frozen content, never change once asked: its status, decision
-- date and revision move, its subject does not (so what approvers sign and the PV prints cannot be rewritten).
CREATE OR REPLACE FUNCTION passerelle_approval_subject_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.deliverable IS DISTINCT FROM OLD.deliverable OR NEW.baseline_id IS DISTINCT FROM OLD.baseline_id
     OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id OR NEW.snapshot IS DISTINCT FROM OLD.snapshot
     OR NEW.message IS DISTINCT FROM OLD.message OR NEW.number IS DISTINCT FROM OLD.number THEN
    RAISE EXCEPTION 'approval_requests subject is frozen: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approval_requests_subject_frozen
  BEFORE UPDATE ON approval_requests
  FOR EACH ROW EXECUTE FUNCTION passerelle_approval_subject_frozen();
