import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rowsOf } from '@/db/queries/raw-rows';
import {
  BASELINE_FIELDS,
  BASELINE_ITEM_KINDS,
  COMPARISON_SECTIONS,
  type BaselineComparison,
  type BaselineItem,
  type BaselineItemKind,
  type ComparisonCounts,
  type ComparisonPage,
} from '@/lib/signoff/baseline';

/**
 * The comparison of two baselines, one page of it at a time, in one statement (COMPARISON_SECTIONS states the rule):
 * the items of both are classified and counted in the database, and only the page's entries come back with their
 * snapshots. A baseline of a real lot holds a thousand items or more; reading both lots to show twenty was most of
 * the review page's time. Baselines are frozen (append-only), so nothing here can race a write.
 */

/**
 * A frozen field's text, as lib/versioning/diff.ts's fieldText gives it for what a frozen field holds (text, null, a
 * list): null or missing is empty text; a list is its entries joined by ", ", a structured entry as its JSON.
 */
function fieldTextSql(value: SQL): SQL {
  return sql`coalesce(case when jsonb_typeof(${value}) = 'array' then (
    select string_agg(case when jsonb_typeof(e) in ('object', 'array') then e::text else coalesce(e #>> '{}', 'null') end, ', ' order by i)
    from jsonb_array_elements(${value}) with ordinality as entries(e, i)) else ${value} #>> '{}' end, '')`;
}

/** Whether an item in both baselines changed: another version, or a frozen field of its kind with other text. */
function changedSql(): SQL {
  const fields = BASELINE_ITEM_KINDS.map((kind) => {
    const names = BASELINE_FIELDS[kind].map((f) => {
      if (!/^[A-Za-z]+$/.test(f)) throw new Error(`baseline field ${f}`);
      return `'${f}'`;
    });
    return sql`when ${kind} then array[${sql.raw(names.join(', '))}]`;
  });
  // Equal snapshots have equal texts: the field by field comparison runs only on the few items whose snapshot differs.
  // One subquery over the kind's field names, not one per field: the statement stays small to plan.
  return sql`case when a.version <> b.version then true when a.snapshot = b.snapshot then false
    else exists (select 1 from unnest(case a.kind ${sql.join(fields, sql` `)} end) as field(name)
      where ${fieldTextSql(sql`(a.snapshot -> field.name)`)} <> ${fieldTextSql(sql`(b.snapshot -> field.name)`)}) end`;
}

const SECTION = Object.fromEntries(COMPARISON_SECTIONS.map((s, i) => [s, i])) as Record<(typeof COMPARISON_SECTIONS)[number], number>;

interface ComparisonRow extends ComparisonCounts {
  section: number | null;
  kind: BaselineItemKind;
  item_id: string;
  number: number;
  version: number | null;
  snapshot: Record<string, unknown> | null;
  before_number: number | null;
  before_version: number | null;
  before_snapshot: Record<string, unknown> | null;
  current_version: number | null;
}

/**
 * Page `page` (from 1) of `pageSize` entries of the comparison of baseline `after` with baseline `before` (null: none,
 * every item is added, as a baseline's own page shows it), with the counts of the whole comparison.
 */
export async function baselineComparisonPage(
  db: Executor,
  input: { before: string | null; after: string; page: number; pageSize: number },
): Promise<ComparisonPage> {
  const { before, after, pageSize } = input;
  const offset = (input.page - 1) * pageSize;
  // Specifications first, then requirements, each by number (orderItems); removed items by their earlier number.
  const order = (t: string) => sql.raw(`${t}.section, ${t}.kind <> 'specification', ${t}.number, ${t}.item_id`);
  const rows = await rowsOf<ComparisonRow>(
    db,
    sql`with cmp as (
      select coalesce(a.kind, b.kind) as kind, coalesce(a.item_id, b.item_id) as item_id, coalesce(a.number, b.number) as number,
        case when b.item_id is null then ${SECTION.added}::int when a.item_id is null then ${SECTION.removed}::int
          when ${changedSql()} then ${SECTION.changed}::int else ${SECTION.unchanged}::int end as section
      from (select * from baseline_items where baseline_id = ${after}::uuid) a
      full join (select * from baseline_items where baseline_id = ${before}::uuid) b on b.kind = a.kind and b.item_id = a.item_id
    ), counts as (
      select ${sql.join(
        COMPARISON_SECTIONS.map((s) => sql`(count(*) filter (where section = ${SECTION[s]}::int))::int as ${sql.raw(s)}`),
        sql`, `,
      )}, count(*)::int as total from cmp
    ), page as (
      select * from cmp order by ${order('cmp')} limit ${pageSize} offset ${offset}
    )
    select counts.*, page.section, page.kind, page.item_id, page.number, a.version, a.snapshot,
      b.number as before_number, b.version as before_version, b.snapshot as before_snapshot,
      coalesce(s.version, r.version) as current_version
    from counts
    left join page on true
    left join baseline_items a on a.baseline_id = ${after}::uuid and a.kind = page.kind and a.item_id = page.item_id
    left join baseline_items b on b.baseline_id = ${before}::uuid and b.kind = page.kind and b.item_id = page.item_id
    left join specifications s on page.kind = 'specification' and s.id = page.item_id
    left join requirements r on page.kind = 'requirement' and r.id = page.item_id
    order by ${order('page')}`,
  );
  const first = rows[0]!;
  const counts = Object.fromEntries([...COMPARISON_SECTIONS, 'total' as const].map((k) => [k, Number(first[k])])) as ComparisonCounts;
  const shown: BaselineComparison = { changed: [], added: [], removed: [], unchanged: [] };
  const current = new Map<string, number>();
  for (const row of rows) {
    if (row.section === null) continue;
    const item = (number: number, version: number, snapshot: Record<string, unknown>): BaselineItem => ({
      kind: row.kind,
      itemId: row.item_id,
      number,
      version,
      snapshot,
    });
    const later = () => item(row.number, row.version!, row.snapshot!);
    const earlier = () => item(row.before_number!, row.before_version!, row.before_snapshot!);
    const section = COMPARISON_SECTIONS[row.section]!;
    if (section === 'changed') shown.changed.push({ before: earlier(), after: later() });
    else if (section === 'removed') shown.removed.push(earlier());
    else shown[section].push(later());
    if (row.current_version !== null) current.set(row.item_id, row.current_version);
  }
  return { counts, shown, current };
}
