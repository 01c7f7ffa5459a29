-- The one definition of a suspect link (DESIGN.md §3, lib/traceability/suspect.ts), read by every query that shows
-- suspicion or coverage. A link is directly suspect when its upstream item's current version is above the version
-- it was last reviewed against; it is suspect by inheritance when a directly suspect link sits anywhere above its
-- upstream item (requirement → specification → test case).

-- Whether a directly suspect link sits anywhere above an item: walks up the links (UNION, not UNION ALL, stops on a
-- cycle). A function rather than an inline subquery so the planner costs it as the cheap index walk it is; inlined,
-- its estimate counted once per link made every page query pick nested loops and cross the JIT threshold.
CREATE FUNCTION trace_item_suspect_above(item uuid) RETURNS boolean
LANGUAGE sql STABLE COST 20 AS $$
  SELECT EXISTS (
    WITH RECURSIVE above(item_id) AS (
      SELECT item
      UNION
      SELECT p.upstream_id FROM trace_links p JOIN above a ON p.downstream_id = a.item_id
    )
    SELECT 1
    FROM above a
    JOIN trace_links p ON p.downstream_id = a.item_id
    JOIN trace_items pu ON pu.id = p.upstream_id
    WHERE pu.version > p.reviewed_version
  )
$$;
--> statement-breakpoint
-- Requirements are never the downstream end of a link, so a link from a requirement can only be directly suspect:
-- CASE (evaluated in order) skips the walk for those, which are most links.
CREATE VIEW trace_link_states AS
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
      ELSE trace_item_suspect_above(l.upstream_id)
    END AS suspect
  FROM trace_links l
  JOIN trace_items u ON u.id = l.upstream_id;
