import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { anomalies } from './anomalies';
import { executions } from './campaigns';
import { projects } from './projects';
import { users } from './users';

/**
 * Evidence (screenshots, logs…) attached to an execution, one of its steps, or an anomaly. The bytes live in the
 * storage driver (lib/storage) under `storageKey`; this row holds what the content check found.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    executionId: uuid('execution_id').references(() => executions.id, { onDelete: 'cascade' }),
    stepIndex: integer('step_index'),
    anomalyId: uuid('anomaly_id').references(() => anomalies.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    fileName: text('file_name').notNull(),
    /** The type found from the content (magic bytes), never the one the browser claimed. */
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_execution_idx').on(t.executionId),
    index('attachments_anomaly_idx').on(t.anomalyId),
    check('attachments_owner', sql`${t.executionId} is not null or ${t.anomalyId} is not null`),
  ],
);
