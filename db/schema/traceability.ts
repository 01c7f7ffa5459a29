import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, pgView, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';

/**
 * One table for every kind of trace link, so the suspect rule is one rule: a link is suspect when its upstream
 * item's current version is above `reviewed_version`. That version is kept on the link itself (`upstream_version`,
 * migration 0026); every kind of link leaves a requirement or a specification, as its kind says.
 */
export const TRACE_LINK_KINDS = ['requirement_specification', 'specification_test_case', 'requirement_test_case'] as const;
export const traceLinkKind = pgEnum('trace_link_kind', TRACE_LINK_KINDS);

export const traceLinks = pgTable(
  'trace_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: traceLinkKind('kind').notNull(),
    upstreamId: uuid('upstream_id').notNull(),
    downstreamId: uuid('downstream_id').notNull(),
    reviewedVersion: integer('reviewed_version').notNull(),
    /**
     * The upstream item's current version, kept here by the database (migration 0026's triggers: set on insert,
     * followed on every version change of a requirement or specification) so that the links that are directly
     * suspect are found through a small partial index instead of comparing every link with its item. Writers never
     * set it; the default is overwritten on insert.
     */
    upstreamVersion: integer('upstream_version').notNull().default(0),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trace_links_pair_key').on(t.kind, t.upstreamId, t.downstreamId),
    index('trace_links_project_idx').on(t.projectId, t.kind),
    index('trace_links_downstream_idx').on(t.downstreamId),
    index('trace_links_upstream_idx').on(t.upstreamId),
    index('trace_links_stale_idx')
      .on(t.upstreamId, t.downstreamId)
      .where(sql`${t.upstreamVersion} > ${t.reviewedVersion}`),
  ],
);

/**
 * Every trace link with its review state, as the one SQL suspect rule computes it (migration 0006): read this
 * instead of comparing versions in a query. `suspect` includes suspicion inherited from above in the chain.
 */
export const traceLinkStates = pgView('trace_link_states', {
  id: uuid('id').notNull(),
  projectId: uuid('project_id').notNull(),
  kind: traceLinkKind('kind').notNull(),
  upstreamId: uuid('upstream_id').notNull(),
  downstreamId: uuid('downstream_id').notNull(),
  reviewedVersion: integer('reviewed_version').notNull(),
  upstreamVersion: integer('upstream_version').notNull(),
  directlySuspect: boolean('directly_suspect').notNull(),
  suspect: boolean('suspect').notNull(),
}).existing();
