import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';

/** A person of the source instance, as the archive named them, and the account they were mapped to here (by e-mail). */
export interface ImportedPerson {
  sourceId: string;
  name: string;
  email: string;
  role: string | null;
  mappedUserId: string | null;
}

/**
 * One whole-project import (lib/project-archive): where the project came from and who its people were. The source's
 * signatures, go / no-go records and journal rows point here (`import_id`), which marks them as historical records
 * brought in, never as acts of the importer; people with no account here are kept by name in `people`.
 */
export const projectImports = pgTable(
  'project_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'no action' }),
    formatVersion: integer('format_version').notNull(),
    sourceProjectKey: text('source_project_key').notNull(),
    sourceProjectName: text('source_project_name').notNull(),
    exportedAt: timestamp('exported_at', { withTimezone: true }).notNull(),
    archiveSha256: text('archive_sha256').notNull(),
    people: jsonb('people').$type<ImportedPerson[]>().notNull(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_imports_project_idx').on(t.projectId)],
);
