/**
 * Opaque cursors for keyset paging: the sort key of the last row a page returned, base64url-encoded JSON with a
 * version tag. Clients pass them back untouched; anything that does not decode to the expected shape is refused
 * (a 400, never a 500 or a silently restarted list).
 */
const VERSION = 1;

export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ v: VERSION, k: key }), 'utf8').toString('base64url');
}

/** Kinds of each position of the key: a positive integer (a ref number, a position) or a uuid (a tie-breaker). */
export type CursorPart = 'int' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string, parts: readonly CursorPart[]): (string | number)[] | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { v, k } = parsed as { v?: unknown; k?: unknown };
  if (v !== VERSION || !Array.isArray(k) || k.length !== parts.length) return null;
  const ok = parts.every((part, i) =>
    part === 'int' ? Number.isSafeInteger(k[i]) && (k[i] as number) >= 0 : typeof k[i] === 'string' && UUID.test(k[i] as string),
  );
  return ok ? (k as (string | number)[]) : null;
}

/**
 * One page out of `limit + 1` rows read: the extra row only says that there is a next page, whose cursor is the key
 * of the last row kept.
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
