import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES, type PerformanceCriterion, type TestStep } from '@/lib/recette/model';
import { projects } from './projects';
import { tsvector } from './types';
import { users } from './users';

export const testCaseType = pgEnum('test_case_type', TEST_CASE_TYPES);
export const testCasePriority = pgEnum('test_case_priority', TEST_CASE_PRIORITIES);

/** Cas de test. Steps and performance criteria are part of the versioned content (history and redline show them). */
export const testCases = pgTable(
  'test_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** CT-<number>, from the project's counter: never reused. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    objective: text('objective').notNull().default(''),
    preconditions: text('preconditions').notNull().default(''),
    testData: text('test_data').notNull().default(''),
    steps: jsonb('steps').$type<TestStep[]>().notNull().default([]),
    type: testCaseType('type').notNull(),
    priority: testCasePriority('priority').notNull().default('medium'),
    /** A folder path such as "Paie/Bulletins": the list shows test cases as a tree of folders. */
    folder: text('folder').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    automated: boolean('automated').notNull().default(false),
    /** Matches results reported by CI for automated test cases. */
    automationKey: text('automation_key').notNull().default(''),
    criteria: jsonb('criteria').$type<PerformanceCriterion[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', passerelle_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(objective, '') || ' ' || coalesce(preconditions, '') || ' ' || coalesce(test_data, ''))), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('test_cases_project_number_key').on(t.projectId, t.number),
    index('test_cases_project_folder_idx').on(t.projectId, t.folder),
    index('test_cases_search_idx').using('gin', t.search),
    index('test_cases_tags_idx').using('gin', t.tags),
    // The distinct tag lists of a project read from the index alone (listTestCaseFacets): the GIN index above cannot
    // give them back, and reading every test case's row for them was 10 of the 12 ms of the large project's facets.
    index('test_cases_project_tags_idx').on(t.projectId, t.tags),
  ],
);

export const testCaseVersions = pgTable(
  'test_case_versions',
  {
    testCaseId: uuid('test_case_id')
      .notNull()
      .references(() => testCases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.testCaseId, t.version] })],
);
