import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applicationTables, queryRows } from './db-state';

/** Each snapshot has its own schema, so a file can keep more than one build (e.g. two different worlds). */
const SCHEMA_PREFIX = 'fixture_snapshot';
let snapshots = 0;

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Every file under the attachments directory, with its bytes: attachment rows point at them. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), fs.readFileSync(file));
  }
  return files;
}

function writeTree(dir: string, files: Map<string, Buffer>): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [relative, bytes] of files) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
}

/**
 * Copies every application table (and the sequences' positions, and the stored attachment bytes) aside, and returns
 * what puts them back exactly: one statement, a plpgsql function that empties the tables and refills them from the
 * copies with triggers and foreign-key checks off (the append-only tables refuse to lose rows otherwise; the copies are
 * consistent as a whole). DELETE, not TRUNCATE: on a fixture's few rows TRUNCATE's new files cost ~400 ms a restore on
 * PGlite, DELETE ~20 ms, and that stayed flat over 300 restores. A case that starts by restoring never sees what an earlier case wrote. The copies live in
 * their own schema, outside `public`, so the suites' whole-database views (db-state.ts, table-rows.ts) never see them.
 */
export async function snapshotDatabase(): Promise<() => Promise<void>> {
  snapshots += 1;
  const SCHEMA = `${SCHEMA_PREFIX}_${snapshots}`;
  const db = getDb();
  const tables = await applicationTables();
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`,
  );
  const sequences = await queryRows<{ name: string; last_value: string | null; start_value: string }>(
    sql`select quote_ident(schemaname) || '.' || quote_ident(sequencename) as name, last_value::text, start_value::text
        from pg_sequences where schemaname = 'public'`,
  );
  const columnsOf = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) columnsOf.set(table_name, [...(columnsOf.get(table_name) ?? []), ident(column_name)]);

  const copies = tables.map((t) => `create table ${SCHEMA}.${ident(t)} as table public.${ident(t)};`).join('\n');
  const refills = tables
    .map((t) => {
      const list = columnsOf.get(t)!.join(', ');
      return `insert into public.${ident(t)} (${list}) overriding system value select ${list} from ${SCHEMA}.${ident(t)};`;
    })
    .join('\n');
  const positions = sequences
    .map((s) =>
      s.last_value === null
        ? `perform setval(${literal(s.name)}, ${s.start_value}, false);`
        : `perform setval(${literal(s.name)}, ${s.last_value}, true);`,
    )
    .join('\n');
  await db.execute(sql.raw(`drop schema if exists ${SCHEMA} cascade`));
  await db.execute(sql.raw(`create schema ${SCHEMA}`));
  await db.execute(sql.raw(`do $snapshot$ begin\n${copies}\nend $snapshot$`));
  await db.execute(
    sql.raw(`create function ${SCHEMA}.restore() returns void language plpgsql as $restore$
begin
  perform set_config('session_replication_role', 'replica', true);
  ${tables.map((t) => `delete from public.${ident(t)};`).join('\n  ')}
  ${refills}
  ${positions}
end
$restore$`),
  );

  const attachmentsDir = process.env.PASSERELLE_ATTACHMENTS_DIR;
  const files = attachmentsDir ? readTree(attachmentsDir) : new Map<string, Buffer>();
  return async () => {
    await db.execute(sql.raw(`select ${SCHEMA}.restore()`));
    if (attachmentsDir) writeTree(attachmentsDir, files);
  };
}

/**
 * What `build` makes, fresh for every call of the returned function: built on the first call, then the whole database
 * put back as that build left it before each later one, so a case never meets what an earlier one wrote. The API's
 * rate buckets live in this process, keyed by token id: a restored build has the same tokens, so they start full again.
 */
export function freshEachTime<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<{ value: T; restore: () => Promise<void> }> | undefined;
  return async () => {
    const first = !built;
    built ??= (async () => {
      const value = await build();
      return { value, restore: await snapshotDatabase() };
    })();
    const { value, restore } = await built;
    if (!first) {
      await restore();
      (globalThis as { __passerelleApiBuckets?: Map<string, unknown> }).__passerelleApiBuckets?.clear();
    }
    return value;
  };
}
