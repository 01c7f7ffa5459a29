/**
 * Baselines (lignes de base): what is frozen per item, what a baseline's signed content is, and how two compare.
 * Pure: the redline is the versioning code's own word diff; the comparison itself is set-based, in SQL.
 */
import { diffFields, type FieldDiff } from '@/lib/versioning/diff';

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
 * How two baselines compare (db/queries/baseline-comparison.ts holds the rule, in SQL): an item only in the later
 * one is added, only in the earlier one removed; one in both at another version, or with a frozen field whose text
 * (fieldText) differs, is changed; else unchanged. Entries are shown in this order of sections, each in the order of
 * `orderItems`, a page at a time.
 */
export const COMPARISON_SECTIONS = ['changed', 'added', 'removed', 'unchanged'] as const;
export type ComparisonSection = (typeof COMPARISON_SECTIONS)[number];

/** How many entries each section of a comparison holds, and in all: what its summary says and its pages are counted from. */
export type ComparisonCounts = Record<ComparisonSection | 'total', number>;

/** One page of a comparison, with the counts of the whole. */
export interface ComparisonPage {
  counts: ComparisonCounts;
  /** The page's entries, by section. */
  shown: BaselineComparison;
  /** The current version of each item the page shows, to say which ones moved on since they were frozen. */
  current: Map<string, number>;
}

/** The word-level redline of each frozen field of a changed item, from its earlier to its later version. */
export function redline({ before, after }: ChangedItem): FieldDiff[] {
  return diffFields(before.snapshot, after.snapshot, BASELINE_FIELDS[after.kind]);
}

/** The `?page=` of signed content shown a page at a time (a baseline, a request, a VSR): a whole number from 1, else the first page. */
export function contentPage(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}
