-- Why: the scope tools of the campaign page and the test case list's filters show the project's distinct tags.
-- Reading them meant reading every test case's row (8,000 wide rows on the large project: 10 of the facets' 12 ms
-- on every view); this index gives the distinct tag lists back from the index alone. Tags are held to 20 of 40
-- characters by every writer (lib/text/tags.ts), which keeps an entry within a btree's 2,704 bytes.
CREATE INDEX "test_cases_project_tags_idx" ON "test_cases" USING btree ("project_id","tags");