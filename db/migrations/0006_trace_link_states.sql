-- The one definition of a suspect link (DESIGN.md §3, lib/traceability/suspect.ts), read by every query that shows
-- suspicion or coverage. A link is directly suspect when its upstream item's current version is above the version
-- it was last reviewed against; it is suspect by inheritance when a directly suspect link sits anywhere above its
-- upstream item (requirement → specification → test case). Walking up from each link keeps the view a plain join
-- plus a correlated subquery, so a filter on project, kind or either end still reaches the indexes. UNION (not
-- UNION ALL) in the walk stops on a cycle of links.
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
    (u.version > l.reviewed_version OR EXISTS (
      WITH RECURSIVE above(item_id) AS (
        SELECT l.upstream_id
        UNION
        SELECT p.upstream_id FROM trace_links p JOIN above a ON p.downstream_id = a.item_id
      )
      SELECT 1
      FROM above a
      JOIN trace_links p ON p.downstream_id = a.item_id
      JOIN trace_items pu ON pu.id = p.upstream_id
      WHERE pu.version > p.reviewed_version
    )) AS suspect
  FROM trace_links l
  JOIN trace_items u ON u.id = l.upstream_id;
