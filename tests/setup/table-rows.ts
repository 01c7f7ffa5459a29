import { sql } from 'drizzle-orm';
import { applicationTables, queryRows } from './db-state';

/**
 * Whole-database views for the generated security suites: one fingerprint of every table in a single statement
 * (cheap enough to take before and after each fuzz run), and the rows a call inserted or removed (an UPDATE shows
 * as the old row removed and the new one inserted), to judge a call by its effect.
 */

/**
 * Rows are ordered byte by byte (collate "C"): any fixed order serves a fingerprint, and the database's own collation
 * made the sort ~3 times the cost of the whole query (42 ms against 14 ms on PGlite, taken twice per fuzz run).
 */
export async function fingerprint(): Promise<string> {
  const tables = await applicationTables();
  const parts = tables.map(
    (table) =>
      sql`select ${table}::text as t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text collate "C"), '')) as d
          from ${sql.identifier(table)} x`,
  );
  const rows = await queryRows<{ t: string; d: string }>(sql.join(parts, sql` union all `));
  return rows.map((r) => `${r.t}=${r.d}`).join(' ');
}

/**
 * The server's transaction snapshot (`xmin:xmax:in-progress ids`). No row of any table changes without a transaction
 * id being assigned, which moves `xmax`, and a writing transaction that ends changes the in-progress part: the same
 * text twice means nothing was written in between. Reading it assigns no id itself.
 */
async function transactionSnapshot(): Promise<string> {
  const [row] = await queryRows<{ s: string }>(sql`select pg_current_snapshot()::text as s`);
  return row!.s;
}

/**
 * The whole-database fingerprint, taken again only when a transaction may have written since the last one. A refused
 * call (most fuzz runs, most draws of an input search) leaves the snapshot alone, so it costs two tiny reads instead
 * of two fingerprints (~36 ms each on PGlite). On a server other databases move the snapshot too: then the
 * fingerprint is simply taken again.
 */
export async function watchTables(): Promise<{ current: () => Promise<string> }> {
  // The snapshot is read before the fingerprint: a write landing between the two moves it, so the next read retakes.
  let seen = await transactionSnapshot();
  let print = await fingerprint();
  return {
    current: async () => {
      const now = await transactionSnapshot();
      if (now !== seen) {
        seen = now;
        print = await fingerprint();
      }
      return print;
    },
  };
}

export type Rows = Map<string, Map<string, number>>;

/** Every row of every table, as JSON text (with multiplicity). */
export async function allRows(): Promise<Rows> {
  const tables = await applicationTables();
  const parts = tables.map((table) => sql`select ${table}::text as t, to_jsonb(x)::text as j from ${sql.identifier(table)} x`);
  const rows = await queryRows<{ t: string; j: string }>(sql.join(parts, sql` union all `));
  const out: Rows = new Map(tables.map((t) => [t, new Map()]));
  for (const { t, j } of rows) {
    const table = out.get(t)!;
    table.set(j, (table.get(j) ?? 0) + 1);
  }
  return out;
}

export interface TableChange {
  inserted: Record<string, unknown>[];
  removed: Record<string, unknown>[];
}

export function changes(before: Rows, after: Rows): Map<string, TableChange> {
  const out = new Map<string, TableChange>();
  for (const [table, afterRows] of after) {
    const beforeRows = before.get(table) ?? new Map<string, number>();
    const minus = (a: Map<string, number>, b: Map<string, number>) =>
      [...a].flatMap(([j, n]) => Array.from({ length: Math.max(0, n - (b.get(j) ?? 0)) }, () => JSON.parse(j) as Record<string, unknown>));
    const change = { inserted: minus(afterRows, beforeRows), removed: minus(beforeRows, afterRows) };
    if (change.inserted.length + change.removed.length > 0) out.set(table, change);
  }
  return out;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:?\d{2})?|Z)?/g;
const ARGON2 = /\$argon2(id|i|d)\$[^"\s]+/g;
const LONG_HEX = /\b[0-9a-f]{32,}\b/gi;
/** An API token or its shown prefix: random like a hash (lib/api/token-secret.ts). */
const API_TOKEN = /\bpsl_[A-Za-z0-9_-]{8,43}/g;

/**
 * A change with everything that differs between two fixtures built the same way replaced by a name: the
 * fixture's own ids, keys and e-mails by their symbol, other ids, times, hashes and serial numbers by a placeholder.
 */
export function normalized(change: Map<string, TableChange>, symbols: Map<string, string>): string {
  // Short values (project keys) are replaced only where they are the whole string; long ones and fresh ones anywhere.
  const long = [...symbols]
    .filter(([value, symbol]) => value.length >= 12 || symbol.startsWith('<fresh.'))
    .sort((a, b) => b[0].length - a[0].length);
  const text = (s: string): string => {
    const exact = symbols.get(s);
    if (exact) return exact;
    let out = s;
    for (const [value, symbol] of long) out = out.split(value).join(symbol);
    return out.replace(ARGON2, '<argon2>').replace(UUID, '<uuid>').replace(TIMESTAMP, '<time>').replace(LONG_HEX, '<hex>').replace(API_TOKEN, '<apiToken>');
  };
  const walk = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return text(value);
    // Serial ids (the journal's) count up across fixtures.
    if (typeof value === 'number' && key === 'id') return '<serial>';
    // A run's measured duration is wall-clock time, like its timestamps.
    if (typeof value === 'number' && (key === 'duration_ms' || key === 'durationMs')) return '<duration>';
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  const tables = [...change].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(
    tables.map(([table, { inserted, removed }]) => ({
      table,
      inserted: inserted.map((r) => JSON.stringify(walk(r))).sort(),
      removed: removed.map((r) => JSON.stringify(walk(r))).sort(),
    })),
    null,
    1,
  );
}
