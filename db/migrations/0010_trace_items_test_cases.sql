-- Test cases join the traceable items, so links from a specification or a requirement to a test case follow the
-- one suspect rule (trace_link_states reads upstream versions from here).
CREATE OR REPLACE VIEW trace_items AS
  SELECT id, project_id, 'requirement'::text AS item_type, 'EXF-' || number AS ref, title, version, updated_at
  FROM requirements
  UNION ALL
  SELECT id, project_id, 'specification'::text, 'STD-' || number, title, version, updated_at
  FROM specifications
  UNION ALL
  SELECT id, project_id, 'test_case'::text, 'CT-' || number, title, version, updated_at
  FROM test_cases;
