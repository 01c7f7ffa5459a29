-- A go / no-go record is append-only: its decision and frozen snapshot are what people signed and printed, so the
-- database itself refuses to rewrite or erase them, whoever connects. A new meeting is a new row.
CREATE OR REPLACE FUNCTION passerelle_refuse_go_no_go_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'go_no_go_records is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER go_no_go_records_no_update_delete
  BEFORE UPDATE OR DELETE ON go_no_go_records
  FOR EACH ROW EXECUTE FUNCTION passerelle_refuse_go_no_go_change();
--> statement-breakpoint
CREATE TRIGGER go_no_go_records_no_truncate
  BEFORE TRUNCATE ON go_no_go_records
  FOR EACH STATEMENT EXECUTE FUNCTION passerelle_refuse_go_no_go_change();
