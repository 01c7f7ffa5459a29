import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { parseRef, type RefKind } from '@/lib/traceability/refs';
import { toPrefixTsquery } from '@/lib/search/text-query';

/**
 * The search condition shared by lists and pickers: a reference typed as such ("EXF-12", "std 7") finds that item;
 * otherwise French full-text search with accents ignored, every word as a prefix.
 */
export function textSearchCondition(
  q: string | undefined,
  columns: { search: AnyPgColumn; number: AnyPgColumn },
  kind: RefKind,
): SQL | undefined {
  if (!q?.trim()) return undefined;
  const ref = parseRef(q);
  if (ref) return ref.kind === kind ? sql`${columns.number} = ${ref.number}` : sql`false`;
  const tsquery = toPrefixTsquery(q);
  if (!tsquery) return undefined;
  return sql`${columns.search} @@ to_tsquery('french', passerelle_unaccent(${tsquery}))`;
}
