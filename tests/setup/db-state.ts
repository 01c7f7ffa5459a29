import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';

/** Raw rows from either driver (PGlite answers `{ rows }`, postgres.js an array). */
export async function queryRows<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
  const result = (await getDb().execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

let publicTables: Promise<string[]> | undefined;
/** Every table of the application (the whole public schema), so tables added by later issues are covered too. */
export function applicationTables(): Promise<string[]> {
  publicTables ??= queryRows<{ table_name: string }>(
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  ).then((rows) => rows.map((r) => r.table_name));
  return publicTables;
}

/**
 * A fingerprint of each table's full content: equal before and after means nothing changed. One statement for all
 * tables (the matrix takes two per case; a query per table cost ~40 round trips each time). Byte order (collate "C"):
 * any fixed order serves, and the database collation's sort was most of the cost.
 */
export async function snapshotTables(tables?: readonly string[]): Promise<Record<string, string>> {
  const names = tables ?? (await applicationTables());
  if (names.length === 0) return {};
  const parts = names.map(
    (table) =>
      sql`select ${table}::text as t, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text collate "C"), '')) as digest
          from ${sql.identifier(table)} x`,
  );
  const rows = await queryRows<{ t: string; n: number; digest: string }>(sql.join(parts, sql` union all `));
  const out: Record<string, string> = {};
  for (const row of rows) out[row.t] = `${row.n}:${row.digest}`;
  return out;
}

export async function countRows(table: string, where?: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} ${where ? sql`where ${where}` : sql``}`,
  );
  return row!.n;
}

export async function maxAuditId(): Promise<number> {
  const [row] = await queryRows<{ id: string | number | null }>(sql`select max(id) as id from audit_events`);
  return Number(row?.id ?? 0);
}

export async function auditRowsSince(id: number) {
  return queryRows<{ actor_id: string | null; project_id: string | null; entity: string; entity_id: string; action: string }>(
    sql`select actor_id, project_id, entity, entity_id, action from audit_events where id > ${id} order by id`,
  );
}
