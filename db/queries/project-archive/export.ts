import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { Zip, ZipDeflate } from 'fflate';
import type { Executor } from '@/db/client';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, attachmentFile, MANIFEST_FILE, tableFile, type ArchiveManifest, type ArchivePerson } from '@/lib/project-archive/format';
import type { ObjectStorage } from '@/lib/storage/storage';
import { rowsOf } from '../raw-rows';
import { archiveCatalog, type ArchivedTable } from './catalog';

/** Rows read per statement: the export holds one page of one table in memory, whatever the project's size. */
const PAGE_ROWS = 1_000;

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

function scopeOf(table: ArchivedTable, projectId: string): SQL {
  const { column, parent } = table.scope;
  if (!parent) return sql`${ident(column)} = ${projectId}::uuid`;
  const parentTable = archiveCatalog().find((t) => t.name === parent.table)!;
  return sql`${ident(column)} in (select ${ident(parent.column)} from ${ident(parent.table)} where ${scopeOf(parentTable, projectId)})`;
}

/** One page of a table's rows as JSON text, after `cursor` (the last page's primary key), in primary key order. */
async function page(db: Executor, table: ArchivedTable, projectId: string, cursor: unknown[] | null) {
  const pk = sql.join(table.primaryKey.map((c) => ident(c.name)), sql`, `);
  const after = cursor
    ? sql`and (${pk}) > (${sql.join(table.primaryKey.map((c, i) => sql`${cursor[i]}::${sql.raw(c.sqlType)}`), sql`, `)})`
    : sql``;
  const columns = sql.join(table.columns.map((c) => ident(c.name)), sql`, `);
  return rowsOf<{ r: string }>(
    db,
    sql`select row_to_json(t)::text as r from (select ${columns} from ${ident(table.name)} where ${scopeOf(table, projectId)} ${after} order by ${pk} limit ${PAGE_ROWS}) t`,
  );
}

/** Everyone the project's rows name (members, authors, signers, the journal's actors), with their role if a member. */
async function peopleOf(db: Executor, projectId: string): Promise<ArchivePerson[]> {
  const named = archiveCatalog().flatMap((table) =>
    table.columns
      .filter((c) => table.roles[c.name] === 'user')
      .map((c) => sql`select ${ident(c.name)} as id from ${ident(table.name)} where ${scopeOf(table, projectId)}`),
  );
  named.push(sql`select user_id as id from project_members where project_id = ${projectId}::uuid`);
  return rowsOf<ArchivePerson>(
    db,
    sql`select u.id, u.name, u.email, m.role::text as role from users u
        left join project_members m on m.user_id = u.id and m.project_id = ${projectId}::uuid
        where u.id in (${sql.join(named, sql` union `)}) order by u.id`,
  );
}

interface Emitter {
  file(name: string): { push(bytes: Uint8Array, final?: boolean): void };
}

/** Writes the archive's entries one page at a time; yields after each so the reader's pace sets the export's. */
async function* produce(db: Executor, storage: ObjectStorage, projectId: string, out: Emitter, end: () => void): AsyncGenerator<void> {
  const [project] = await rowsOf<ArchiveManifest['project']>(db, sql`select id, key, name, client, description from projects where id = ${projectId}::uuid`);
  if (!project) throw new Error('project archive: no such project');
  const people = await peopleOf(db, projectId);
  const tables: ArchiveManifest['tables'] = [];
  const attachments: ArchiveManifest['attachments'] = [];
  const storageKeys: string[] = [];
  const encoder = new TextEncoder();
  for (const table of archiveCatalog()) {
    const file = out.file(tableFile(table.name));
    let cursor: unknown[] | null = null;
    let count = 0;
    for (;;) {
      const rows = await page(db, table, projectId, cursor);
      if (rows.length === 0) break;
      count += rows.length;
      file.push(encoder.encode(rows.map((r) => r.r).join('\n') + '\n'));
      const last = JSON.parse(rows[rows.length - 1]!.r) as Record<string, unknown>;
      cursor = table.primaryKey.map((c) => last[c.name]);
      if (table.name === 'attachments') {
        for (const r of rows) {
          const a = JSON.parse(r.r) as { id: string; byte_size: number; sha256: string; storage_key: string };
          storageKeys.push(a.storage_key);
          attachments.push({ id: a.id, file: attachmentFile(a.id), byteSize: a.byte_size, sha256: a.sha256 });
        }
      }
      yield;
      if (rows.length < PAGE_ROWS) break;
    }
    file.push(new Uint8Array(0), true);
    tables.push({ name: table.name, file: tableFile(table.name), rows: count, columns: table.columns });
  }
  for (const [i, attachment] of attachments.entries()) {
    const stream = await storage.get(storageKeys[i]!);
    if (!stream) throw new Error(`project archive: the bytes of attachment ${attachment.id} are missing from the storage`);
    const file = out.file(attachment.file);
    const reader = stream.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      file.push(value);
      yield;
    }
    file.push(new Uint8Array(0), true);
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    project,
    people,
    tables,
    attachments,
  };
  out.file(MANIFEST_FILE).push(encoder.encode(JSON.stringify(manifest, null, 2)), true);
  end();
}

/**
 * The project as one zip (lib/project-archive/format.ts), streamed: each table is read a page at a time in primary
 * key order and deflated as it comes, attachments straight from the storage, the manifest last (it holds the counts).
 * Pulled by the reader, so memory stays at a page and the zip's window however big the project is.
 */
export function exportProjectArchive(db: Executor, storage: ObjectStorage, projectId: string): ReadableStream<Uint8Array> {
  const queue: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else queue.push(chunk);
    if (final) finished = true;
  });
  const emitter: Emitter = {
    file(name) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      return entry;
    },
  };
  const steps = produce(db, storage, projectId, emitter, () => zip.end());
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (queue.length === 0 && !finished && !failure) {
        const step = await steps.next();
        if (step.done) break;
      }
      if (failure) return controller.error(failure);
      while (queue.length) controller.enqueue(queue.shift()!);
      if (finished) controller.close();
    },
    async cancel() {
      await steps.return(undefined);
    },
  });
}
