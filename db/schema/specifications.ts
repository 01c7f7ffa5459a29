import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SPECIFICATION_CATEGORIES, SPECIFICATION_STATUSES } from '@/lib/specifications/model';
import { projects } from './projects';
import { tsvector } from './types';
import { users } from './users';

export const specificationCategory = pgEnum('specification_category', SPECIFICATION_CATEGORIES);
export const specificationStatus = pgEnum('specification_status', SPECIFICATION_STATUSES);

export const specifications = pgTable(
  'specifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** STD-<number>, from the project's counter: never reused. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    category: specificationCategory('category').notNull(),
    status: specificationStatus('status').notNull().default('draft'),
    /** Content version: grows when the content changes; what trace links are reviewed against (DESIGN.md §3). */
    version: integer('version').notNull().default(1),
    /** Concurrency token: grows on every accepted change, status included, so no save can undo one it never saw. */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', passerelle_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(body, ''))), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('specifications_project_number_key').on(t.projectId, t.number),
    index('specifications_project_status_idx').on(t.projectId, t.status),
    index('specifications_search_idx').using('gin', t.search),
  ],
);

export const specificationVersions = pgTable(
  'specification_versions',
  {
    specificationId: uuid('specification_id')
      .notNull()
      .references(() => specifications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.specificationId, t.version] })],
);
