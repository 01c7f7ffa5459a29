-- The suspect rule (DESIGN.md §3, lib/traceability/suspect.ts) without a walk per link. Migration 0009 walked up the
-- links of every link it read (a recursive function): at 8,000 test cases and 17,000 links, a page aggregating the
-- project's test links ran that walk ten thousand times. Suspicion here comes from ONE set, computed once per
-- statement whatever the number of links read: the items sitting below a directly suspect link.
--
-- The walk is bounded, and the bound is exact for what the model allows: every link leaves a requirement or a
-- specification (its kind names which), and only a specification is ever the downstream end of a link leaving a
-- requirement, so at most one link sits above any link (requirement → specification → test case). The set goes one
-- link further (items two links below a changed one), so even a link between two specifications — which no action
-- makes — inherits like lib/traceability/suspect.ts says, and a cycle cannot loop. The pure rule uses the same bound.
CREATE VIEW trace_suspect_items AS
  WITH below_changed AS (
    SELECT l.downstream_id AS item_id
    FROM trace_links l JOIN requirements r ON r.id = l.upstream_id
    WHERE r.version > l.reviewed_version
    UNION ALL
    SELECT l.downstream_id
    FROM trace_links l JOIN specifications s ON s.id = l.upstream_id
    WHERE s.version > l.reviewed_version
  )
  SELECT item_id FROM below_changed
  UNION
  SELECT l.downstream_id FROM trace_links l WHERE l.upstream_id IN (SELECT item_id FROM below_changed);
--> statement-breakpoint
-- Same columns as before. The set is an uncorrelated subquery, so PostgreSQL hashes it once per statement; CASE
-- (evaluated in order) still answers links from a requirement, which can only be directly suspect, without it.
-- Upstream versions come from requirements and specifications only (every kind of link leaves one of those), not
-- from the whole trace_items view: a page aggregating the project's links then never reads the wide test-case rows.
CREATE OR REPLACE VIEW trace_link_states AS
  SELECT
    l.id,
    l.project_id,
    l.kind,
    l.upstream_id,
    l.downstream_id,
    l.reviewed_version,
    u.version AS upstream_version,
    u.version > l.reviewed_version AS directly_suspect,
    CASE
      WHEN u.version > l.reviewed_version THEN true
      WHEN u.item_type = 'requirement' THEN false
      ELSE l.upstream_id IN (SELECT item_id FROM trace_suspect_items)
    END AS suspect
  FROM trace_links l
  JOIN (
    SELECT id, 'requirement'::text AS item_type, version FROM requirements
    UNION ALL
    SELECT id, 'specification'::text, version FROM specifications
  ) u ON u.id = l.upstream_id;
--> statement-breakpoint
DROP FUNCTION trace_item_suspect_above(uuid);
