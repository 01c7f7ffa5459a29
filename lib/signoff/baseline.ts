/**
 * Baselines (lignes de base): what is frozen per item, what a baseline's signed content is, and how two compare.
 * Pure: the redline is the versioning code's own word diff.
 */
import { diffFields, fieldText, type FieldDiff } from '@/lib/versioning/diff';

export const BASELINE_ITEM_KINDS = ['requirement', 'specification'] as const;
export type BaselineItemKind = (typeof BASELINE_ITEM_KINDS)[number];

/** The content fields frozen per kind (a requirement's chapter is a position, not content the MOA signs). */
export const BASELINE_FIELDS: Record<BaselineItemKind, readonly string[]> = {
  specification: ['title', 'body', 'category', 'status'],
  requirement: ['title', 'statement', 'acceptanceCriteria', 'rationale', 'priority', 'status', 'source', 'tags'],
};

export interface BaselineItem {
  kind: BaselineItemKind;
  itemId: string;
  number: number;
  version: number;
  snapshot: Record<string, unknown>;
}

export interface BaselineHeader {
  number: number;
  name: string;
  createdAt: Date;
}

/** Specifications first, then requirements, each by number: the order pages show and the content is signed in. */
export function orderItems<T extends Pick<BaselineItem, 'kind' | 'number'>>(items: readonly T[]): T[] {
  const rank = (kind: BaselineItemKind) => (kind === 'specification' ? 0 : 1);
  return [...items].sort((a, b) => rank(a.kind) - rank(b.kind) || a.number - b.number);
}

/** What approving a baseline signs: its name, number, date and every frozen item in full. */
export function baselineContent(baseline: BaselineHeader, items: readonly BaselineItem[]) {
  return {
    baseline: { number: baseline.number, name: baseline.name, createdAt: baseline.createdAt.toISOString() },
    items: orderItems(items).map((item) => ({
      kind: item.kind,
      number: item.number,
      version: item.version,
      content: Object.fromEntries(BASELINE_FIELDS[item.kind].map((f) => [f, item.snapshot[f] ?? null])),
    })),
  };
}

/** What approving a baseline's request signs: the request (number, message) and the baseline in full. */
export function baselineApprovalContent(
  request: { number: number; deliverable: string; message: string },
  baseline: BaselineHeader,
  items: readonly BaselineItem[],
) {
  return { request: { number: request.number, deliverable: request.deliverable, message: request.message }, ...baselineContent(baseline, items) };
}

export interface ChangedItem {
  before: BaselineItem;
  after: BaselineItem;
}

export interface BaselineComparison {
  added: BaselineItem[];
  removed: BaselineItem[];
  changed: ChangedItem[];
  unchanged: BaselineItem[];
}

/**
 * From `before` to `after`: items only in `after` are added, only in `before` removed; an item in both at another
 * version, or with other content, is changed. Fields are compared as text here; the word diff is `redline`'s, run
 * only on the changed items a page shows (diffing a thousand-item lot on every view was most of the review's time).
 */
export function compareBaselines(before: readonly BaselineItem[], after: readonly BaselineItem[]): BaselineComparison {
  const key = (item: BaselineItem) => `${item.kind}:${item.itemId}`;
  const earlier = new Map(before.map((item) => [key(item), item]));
  const later = new Set(after.map(key));
  const result: BaselineComparison = { added: [], removed: [], changed: [], unchanged: [] };
  for (const item of orderItems(after)) {
    const previous = earlier.get(key(item));
    if (!previous) {
      result.added.push(item);
      continue;
    }
    const differs = BASELINE_FIELDS[item.kind].some((f) => fieldText(previous.snapshot[f]) !== fieldText(item.snapshot[f]));
    if (previous.version !== item.version || differs) result.changed.push({ before: previous, after: item });
    else result.unchanged.push(item);
  }
  result.removed = orderItems(before.filter((item) => !later.has(key(item))));
  return result;
}

/** The word-level redline of each frozen field of a changed item, from its earlier to its later version. */
export function redline({ before, after }: ChangedItem): FieldDiff[] {
  return diffFields(before.snapshot, after.snapshot, BASELINE_FIELDS[after.kind]);
}

/** How many entries a comparison shows in all: what its pages are counted from. */
export function comparisonSize(comparison: BaselineComparison): number {
  return comparison.changed.length + comparison.added.length + comparison.removed.length + comparison.unchanged.length;
}

/**
 * Page `page` (from 1) of `pageSize` entries of a comparison, in the order it is shown: changed, added, removed,
 * unchanged. A baseline of a real lot holds a thousand items or more: one page of them is what a response carries.
 */
export function pageOfComparison(comparison: BaselineComparison, page: number, pageSize: number): BaselineComparison {
  const start = (page - 1) * pageSize;
  let offset = 0;
  const take = <T>(list: readonly T[]): T[] => {
    const slice = list.slice(Math.max(0, start - offset), Math.max(0, start + pageSize - offset));
    offset += list.length;
    return slice;
  };
  return { changed: take(comparison.changed), added: take(comparison.added), removed: take(comparison.removed), unchanged: take(comparison.unchanged) };
}

/** The items a page of a comparison shows with a heading (removed ones are listed by ref only). */
export function shownItems(comparison: BaselineComparison): BaselineItem[] {
  return [...comparison.changed.map((c) => c.after), ...comparison.added, ...comparison.unchanged];
}

/** The `?page=` of signed content shown a page at a time (a baseline, a request, a VSR): a whole number from 1, else the first page. */
export function contentPage(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}
