/**
 * The whole-project archive (issue 10), format version 1. A zip holding:
 *
 * - `manifest.json`: `{ format: "passerelle-project-archive", formatVersion: 1, exportedAt, project, people, tables,
 *   attachments }` — the project's own fields; every person its rows name (source id, name, e-mail, project role or
 *   null); for each table its file, row count and columns (name, kind, nullable, enum values); for each attachment its
 *   file, size and SHA-256.
 * - `data/<table>.ndjson`: one JSON object per line and row, keys the table's column names (snake_case), values as
 *   PostgreSQL's `row_to_json` writes them (timestamps ISO 8601 with offset, arrays and jsonb as JSON).
 * - `attachments/<attachment id>`: the bytes of each evidence file.
 *
 * Ids are the source instance's: an import gives every row a new id and maps people by e-mail. The column lists
 * are the schema of this version; an archive whose lists differ is another version and is refused. Pure: no
 * database, no React.
 */
import { z } from 'zod';
import { storedTagsSchema } from '@/lib/text/tags';

export const ARCHIVE_FORMAT = 'passerelle-project-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export const COLUMN_KINDS = ['uuid', 'text', 'integer', 'bigint', 'boolean', 'timestamp', 'date', 'jsonb', 'textArray', 'enum'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface ColumnDescriptor {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  enumValues?: string[];
}

export interface TableDescriptor {
  name: string;
  columns: ColumnDescriptor[];
}

export function tableFile(table: string): string {
  return `data/${table}.ndjson`;
}

export function attachmentFile(id: string): string {
  return `attachments/${id}`;
}

/** Limits of an archive upload: the results import's zip limits, with room for one entry per attachment. */
export interface ArchiveLimits {
  maxUploadBytes: number;
  maxUnzippedBytes: number;
  maxZipEntries: number;
}
export const ARCHIVE_LIMITS: ArchiveLimits = { maxUploadBytes: 50 * 1024 * 1024, maxUnzippedBytes: 400 * 1024 * 1024, maxZipEntries: 10_000 };

const columnSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  kind: z.enum(COLUMN_KINDS),
  nullable: z.boolean(),
  enumValues: z.array(z.string()).optional(),
});

const uuid = z.uuid();
const personSchema = z.strictObject({
  id: uuid,
  name: z.string().max(500),
  email: z.string().max(500),
  role: z.string().max(50).nullable(),
});
export type ArchivePerson = z.infer<typeof personSchema>;

export const manifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int(),
  exportedAt: z.iso.datetime({ offset: true }),
  project: z.strictObject({
    id: uuid,
    key: z.string().max(100),
    name: z.string().max(500),
    client: z.string().max(500),
    description: z.string().max(100_000),
  }),
  people: z.array(personSchema).max(100_000),
  tables: z.array(
    z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), file: z.string(), rows: z.number().int().nonnegative(), columns: z.array(columnSchema) }),
  ),
  attachments: z.array(z.strictObject({ id: uuid, file: z.string(), byteSize: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type ArchiveManifest = z.infer<typeof manifestSchema>;

const TIMESTAMP = z.iso.datetime({ offset: true, local: true });
const DATE = z.iso.date();

function valueSchema(column: ColumnDescriptor): z.ZodType {
  switch (column.kind) {
    case 'uuid':
      return uuid;
    case 'text':
      return z.string();
    case 'integer':
      return z.number().int().min(-2147483648).max(2147483647);
    case 'bigint':
      return z.number().int();
    case 'boolean':
      return z.boolean();
    case 'timestamp':
      // row_to_json writes "2026-12-01T19:34:40.123+00:00"; PostgreSQL reads the same text back.
      return z.string().refine((v) => TIMESTAMP.safeParse(v.replace(' ', 'T')).success, { message: 'invalid' });
    case 'date':
      return DATE;
    case 'jsonb':
      return z.json();
    case 'textArray':
      // Tags are held to what the app itself writes: more would not fit test_cases_project_tags_idx (lib/text/tags.ts).
      return column.name === 'tags' ? storedTagsSchema : z.array(z.string());
    case 'enum':
      return z.enum(column.enumValues as [string, ...string[]]);
  }
}

/** The zod schema of one row of a table of this version: its columns exactly, typed, nothing else. */
export function rowSchema(table: TableDescriptor): z.ZodType<Record<string, unknown>> {
  return z.strictObject(
    Object.fromEntries(table.columns.map((c) => [c.name, c.nullable ? valueSchema(c).nullable() : valueSchema(c)])),
  ) as unknown as z.ZodType<Record<string, unknown>>;
}

/** True when the archive's description of a table is this version's (same columns, kinds, nullability, enums). */
export function sameTable(ours: TableDescriptor, theirs: { name: string; columns: ColumnDescriptor[] }): boolean {
  return ours.name === theirs.name && JSON.stringify(ours.columns) === JSON.stringify(theirs.columns.map((c) => ({ ...c })));
}
