import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projectImports } from './project-imports';
import { projects } from './projects';
import { users } from './users';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. No foreign key cascades here,
 * so deleting a user or a project can never rewrite history; the ids stay as they were.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'no action' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'no action' }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set on a row of another instance's journal brought in by a whole-project import (its time and actor kept). */
    importId: uuid('import_id').references(() => projectImports.id, { onDelete: 'no action' }),
  },
  (t) => [
    index('audit_events_project_idx').on(t.projectId, t.id),
    index('audit_events_entity_idx').on(t.entity, t.entityId),
  ],
);
