import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { requirements } from './requirements';
import { users } from './users';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Where an imported requirement came from: its ReqIF identifier (what a re-import of a newer export matches on),
 * the content version the last import left (a higher version means it was edited here since), and the attributes
 * of the source tool that have no column of their own, shown on the requirement as custom fields.
 */
export const requirementReqifSources = pgTable(
  'requirement_reqif_sources',
  {
    requirementId: uuid('requirement_id')
      .primaryKey()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    identifier: text('identifier').notNull(),
    importedVersion: integer('imported_version').notNull(),
    typeName: text('type_name').notNull().default(''),
    specification: text('specification').notNull().default(''),
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('requirement_reqif_sources_identifier_key').on(t.projectId, t.identifier)],
);

/** A SPEC-RELATION between two imported requirements (both ends in the project), kept with its type and attributes. */
export const requirementRelations = pgTable(
  'requirement_relations',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    identifier: text('identifier').notNull(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    typeName: text('type_name').notNull().default(''),
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.identifier] }),
    index('requirement_relations_source_idx').on(t.sourceId),
    index('requirement_relations_target_idx').on(t.targetId),
  ],
);

/**
 * An uploaded ReqIF file between its preview and its import: the import reads the same bytes the person previewed,
 * whichever server instance answers. Kept for a day at most (older ones are removed at the next upload).
 */
export const reqifUploads = pgTable(
  'reqif_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    importedAt: timestamp('imported_at', { withTimezone: true }),
  },
  (t) => [index('reqif_uploads_project_idx').on(t.projectId, t.uploadedAt)],
);
