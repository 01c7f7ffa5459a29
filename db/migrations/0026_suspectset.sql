ALTER TABLE "trace_links" ADD COLUMN "upstream_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "trace_links_stale_idx" ON "trace_links" USING btree ("upstream_id","downstream_id") WHERE "trace_links"."upstream_version" > "trace_links"."reviewed_version";--> statement-breakpoint
-- Why: the suspect set of migration 0013 compared every link of the instance with its upstream item on every
-- statement that read trace_link_states (20 ms of a 30 ms test-case page on the large project, and growing with every
-- other project of the instance). Each link now carries its upstream item's current version, kept by the database,
-- so the directly suspect links (upstream_version > reviewed_version) are the few rows of trace_links_stale_idx.
-- The rule itself is unchanged (DESIGN.md §3, lib/traceability/suspect.ts); only where the version is read from.
CREATE FUNCTION trace_links_take_upstream_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- FOR SHARE: a save of the upstream item in flight is waited for, so a link written beside it never keeps the
  -- version that save replaces (the save's own update of the links cannot see a link not yet committed).
  SELECT version INTO NEW.upstream_version FROM (
    SELECT version FROM requirements WHERE id = NEW.upstream_id FOR SHARE
  ) r;
  IF NOT FOUND THEN
    SELECT version INTO NEW.upstream_version FROM (
      SELECT version FROM specifications WHERE id = NEW.upstream_id FOR SHARE
    ) s;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'trace link upstream % is neither a requirement nor a specification', NEW.upstream_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER trace_links_upstream_version BEFORE INSERT OR UPDATE ON trace_links
  FOR EACH ROW EXECUTE FUNCTION trace_links_take_upstream_version();
--> statement-breakpoint
CREATE FUNCTION trace_items_pass_version_to_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE trace_links SET upstream_version = NEW.version WHERE upstream_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER requirements_version_to_links AFTER UPDATE OF version ON requirements
  FOR EACH ROW WHEN (NEW.version IS DISTINCT FROM OLD.version) EXECUTE FUNCTION trace_items_pass_version_to_links();
--> statement-breakpoint
CREATE TRIGGER specifications_version_to_links AFTER UPDATE OF version ON specifications
  FOR EACH ROW WHEN (NEW.version IS DISTINCT FROM OLD.version) EXECUTE FUNCTION trace_items_pass_version_to_links();
--> statement-breakpoint
UPDATE trace_links l SET upstream_version = u.version
FROM (SELECT id, version FROM requirements UNION ALL SELECT id, version FROM specifications) u
WHERE u.id = l.upstream_id;
--> statement-breakpoint
-- The same set as 0013, read from the index. The second step goes through trace_links_upstream_idx item by item
-- (OFFSET 0 keeps the lookup a nested loop): the items below a changed link are few, the instance's links many.
CREATE OR REPLACE VIEW trace_suspect_items AS
  WITH below_changed AS (
    SELECT l.downstream_id AS item_id FROM trace_links l WHERE l.upstream_version > l.reviewed_version
  )
  SELECT item_id FROM below_changed
  UNION
  SELECT below.downstream_id
  FROM (SELECT DISTINCT item_id FROM below_changed) b
  CROSS JOIN LATERAL (SELECT l.downstream_id FROM trace_links l WHERE l.upstream_id = b.item_id OFFSET 0) below;
--> statement-breakpoint
-- Same columns as before. A link's kind names its upstream item's type (every kind leaves a requirement or a
-- specification), so no join to the items is needed any more.
CREATE OR REPLACE VIEW trace_link_states AS
  SELECT
    l.id,
    l.project_id,
    l.kind,
    l.upstream_id,
    l.downstream_id,
    l.reviewed_version,
    l.upstream_version,
    l.upstream_version > l.reviewed_version AS directly_suspect,
    CASE
      WHEN l.upstream_version > l.reviewed_version THEN true
      WHEN l.kind IN ('requirement_specification', 'requirement_test_case') THEN false
      ELSE l.upstream_id IN (SELECT item_id FROM trace_suspect_items)
    END AS suspect
  FROM trace_links l;
