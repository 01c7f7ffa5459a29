-- The go-live record and the recette définitive decisions are append-only: the first is what the VSR and the
-- recette définitive are signed on, the second keeps what the MOA signed. The database itself refuses to rewrite
-- or erase them, whoever connects; a correction is a new decision (an ajournement), never an edit.
CREATE OR REPLACE FUNCTION passerelle_refuse_go_live_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER go_live_records_no_update_delete
  BEFORE UPDATE OR DELETE ON go_live_records
  FOR EACH ROW EXECUTE FUNCTION passerelle_refuse_go_live_change();
--> statement-breakpoint
CREATE TRIGGER go_live_records_no_truncate
  BEFORE TRUNCATE ON go_live_records
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_refuse_go_live_change();
--> statement-breakpoint
CREATE TRIGGER final_acceptance_records_no_update_delete
  BEFORE UPDATE OR DELETE ON final_acceptance_records
  FOR EACH ROW EXECUTE FUNCTION passerelle_refuse_go_live_change();
--> statement-breakpoint
CREATE TRIGGER final_acceptance_records_no_truncate
  BEFORE TRUNCATE ON final_acceptance_records
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_refuse_go_live_change();
