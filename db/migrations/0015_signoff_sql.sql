-- Signatures and baselines are append-only like the journal: the same refusal function guards them, so the app's own
-- role also loses UPDATE, DELETE and TRUNCATE on them (db/migrate.ts grantApplicationRole). The function now names the
-- table it guards.
CREATE OR REPLACE FUNCTION passerelle_refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER signatures_no_update_delete
  BEFORE UPDATE OR DELETE ON signatures
  FOR EACH ROW EXECUTE FUNCTION passerelle_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER signatures_no_truncate
  BEFORE TRUNCATE ON signatures
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER baselines_no_update_delete
  BEFORE UPDATE OR DELETE ON baselines
  FOR EACH ROW EXECUTE FUNCTION passerelle_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER baselines_no_truncate
  BEFORE TRUNCATE ON baselines
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER baseline_items_no_update_delete
  BEFORE UPDATE OR DELETE ON baseline_items
  FOR EACH ROW EXECUTE FUNCTION passerelle_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER baseline_items_no_truncate
  BEFORE TRUNCATE ON baseline_items
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_refuse_audit_change();
--> statement-breakpoint
-- A revocation points at a signature of the same signer and subject: only the signer revokes, and never a revocation.
CREATE OR REPLACE FUNCTION passerelle_check_revocation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  original signatures%ROWTYPE;
BEGIN
  IF NEW.revokes_id IS NULL THEN
    IF NEW.meaning = 'revoked' THEN
      RAISE EXCEPTION 'a revocation names the signature it revokes' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  SELECT * INTO original FROM signatures WHERE id = NEW.revokes_id;
  IF NOT FOUND OR NEW.meaning <> 'revoked' OR original.meaning = 'revoked' OR original.signer_id <> NEW.signer_id
     OR original.subject_kind <> NEW.subject_kind OR original.subject_id <> NEW.subject_id THEN
    RAISE EXCEPTION 'only the signer revokes their own signature' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER signatures_check_revocation
  BEFORE INSERT ON signatures
  FOR EACH ROW EXECUTE FUNCTION passerelle_check_revocation();
