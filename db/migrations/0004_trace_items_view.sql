-- Every traceable item with its current version: the one place the suspect rule reads upstream versions from.
-- The recette issue adds test cases with a UNION ALL branch.
CREATE VIEW trace_items AS
  SELECT id, project_id, 'requirement'::text AS item_type, 'EXF-' || number AS ref, title, version, updated_at
  FROM requirements
  UNION ALL
  SELECT id, project_id, 'specification'::text, 'STD-' || number, title, version, updated_at
  FROM specifications;
