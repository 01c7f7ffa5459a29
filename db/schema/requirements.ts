import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from '@/lib/requirements/model';
import { projects } from './projects';
import { tsvector } from './types';
import { users } from './users';

export const requirementPriority = pgEnum('requirement_priority', REQUIREMENT_PRIORITIES);
export const requirementStatus = pgEnum('requirement_status', REQUIREMENT_STATUSES);

export const requirements = pgTable(
  'requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** EXF-<number>, from the project's counter: never reused. */
    number: integer('number').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => requirements.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    statement: text('statement').notNull().default(''),
    rationale: text('rationale').notNull().default(''),
    acceptanceCriteria: text('acceptance_criteria').notNull().default(''),
    priority: requirementPriority('priority').notNull(),
    status: requirementStatus('status').notNull().default('draft'),
    source: text('source').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Content version: grows when the content changes; what trace links are reviewed against (DESIGN.md §3). */
    version: integer('version').notNull().default(1),
    /** Concurrency token: grows on every accepted change, status included, so no save can undo one it never saw. */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', passerelle_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(statement, '') || ' ' || coalesce(acceptance_criteria, ''))), 'B') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(rationale, '') || ' ' || coalesce(source, ''))), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('requirements_project_number_key').on(t.projectId, t.number),
    index('requirements_project_parent_idx').on(t.projectId, t.parentId),
    index('requirements_search_idx').using('gin', t.search),
    index('requirements_tags_idx').using('gin', t.tags),
  ],
);

/** Every version of a requirement, as it stood, so any two can be compared. */
export const requirementVersions = pgTable(
  'requirement_versions',
  {
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requirementId, t.version] })],
);

/** Per-project, per-kind reference counters (EXF, STD, CT, ANO). */
export const refCounters = pgTable(
  'ref_counters',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    prefix: text('prefix').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.prefix] })],
);
