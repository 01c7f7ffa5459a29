import { beforeEach, describe, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { baselineComparisonPage } from '@/db/queries/baseline-comparison';
import { nextRefNumber } from '@/db/queries/refs';
import { baselineItems, baselines } from '@/db/schema';
import { redline, type BaselineItem, type ComparisonPage } from '@/lib/signoff/baseline';
import { BASELINE_NUMBER_SERIES } from '@/lib/signoff/model';
import { createProjectWithMembers } from '../setup/actors';
import { createSpecificationRow } from '../setup/trace-items';

let project: Awaited<ReturnType<typeof createProjectWithMembers>>['project'];

beforeEach(async () => {
  ({ project } = await createProjectWithMembers());
});

/** Stable ids per item, so the same item can be frozen in two baselines. */
const ids = new Map<string, string>();
const idOf = (name: string) => ids.get(name) ?? (ids.set(name, crypto.randomUUID()), ids.get(name)!);

const spec = (n: number, version: number, body: string, extra: Record<string, unknown> = {}): Omit<BaselineItem, 'itemId'> & { name: string } => ({
  name: `s${n}`,
  kind: 'specification',
  number: n,
  version,
  snapshot: { title: `STD ${n}`, body, category: 'security', status: 'approved', ...extra },
});
const requirement = (n: number, extra: Record<string, unknown> = {}): Omit<BaselineItem, 'itemId'> & { name: string } => ({
  name: `r${n}`,
  kind: 'requirement',
  number: n,
  version: 1,
  snapshot: { title: `EXF ${n}`, statement: 'Le salaire est versé', priority: 'must', status: 'validated', tags: ['paie'], ...extra },
});

/** A baseline of exactly these frozen items, written directly (items are append-only: inserted once). */
async function baselineOf(items: ReturnType<typeof spec>[]) {
  const number = await nextRefNumber(getDb(), project.id, BASELINE_NUMBER_SERIES);
  const [row] = await getDb().insert(baselines).values({ projectId: project.id, number, name: `LDB ${number}` }).returning({ id: baselines.id });
  if (items.length) {
    await getDb()
      .insert(baselineItems)
      .values(items.map(({ name, ...item }) => ({ ...item, itemId: idOf(name), baselineId: row!.id })));
  }
  return row!.id;
}

const refs = ({ shown }: ComparisonPage) => [
  ...shown.changed.map((x) => `~${x.after.number}`),
  ...shown.added.map((i) => `+${i.number}`),
  ...shown.removed.map((i) => `-${i.number}`),
  ...shown.unchanged.map((i) => `=${i.kind[0]}${i.number}`),
];

describe('comparing baselines', () => {
  test('added, removed, changed (with the redline of the changed field) and unchanged items', async () => {
    const before = await baselineOf([spec(1, 1, 'Chiffrer les données'), spec(2, 1, 'Journaliser'), requirement(1)]);
    const after = await baselineOf([spec(1, 2, 'Chiffrer toutes les données'), spec(3, 1, 'Sauvegarder'), requirement(1)]);
    const result = await baselineComparisonPage(getDb(), { before, after, page: 1, pageSize: 50 });
    expect(result.counts).toEqual({ changed: 1, added: 1, removed: 1, unchanged: 1, total: 4 });
    expect(result.shown.added.map((i) => i.number)).toEqual([3]);
    expect(result.shown.removed.map((i) => [i.number, i.snapshot.body])).toEqual([[2, 'Journaliser']]);
    expect(result.shown.unchanged.map((i) => i.itemId)).toEqual([idOf('r1')]);
    const [changed] = result.shown.changed;
    expect([changed!.before.version, changed!.after.version]).toEqual([1, 2]);
    const diffs = redline(changed!);
    const body = diffs.find((d) => d.field === 'body')!;
    expect(body.changed).toBe(true);
    expect(body.parts.filter((p) => p.added).map((p) => p.value.trim())).toContain('toutes');
    expect(diffs.find((d) => d.field === 'title')!.changed).toBe(false);
  });

  test('against nothing, everything is added, in the signed order: specifications, then requirements, by number', async () => {
    const after = await baselineOf([requirement(2), spec(7, 1, 'x'), requirement(1), spec(3, 1, 'y')]);
    const result = await baselineComparisonPage(getDb(), { before: null, after, page: 1, pageSize: 50 });
    expect(result.counts).toEqual({ changed: 0, added: 4, removed: 0, unchanged: 0, total: 4 });
    expect(result.shown.added.map((i) => `${i.kind[0]}${i.number}`)).toEqual(['s3', 's7', 'r1', 'r2']);
  });

  test('at the same version, fields are compared as the redline shows them: as text', async () => {
    // Null, missing and empty are the same empty text; a list reads as its entries joined by ", ".
    const before = await baselineOf([
      requirement(1, { rationale: null }),
      requirement(2, { tags: ['a, b'] }),
      requirement(3, { tags: [] }),
      requirement(4, { tags: ['a,b'] }),
      spec(5, 1, 'même texte', { category: '' }),
    ]);
    const after = await baselineOf([
      requirement(1, { rationale: '' }),
      requirement(2, { tags: ['a', 'b'] }),
      requirement(3, { tags: null }),
      requirement(4, { tags: ['a', 'b'] }),
      spec(5, 1, 'même texte', { category: null }),
    ]);
    const result = await baselineComparisonPage(getDb(), { before, after, page: 1, pageSize: 50 });
    expect(refs(result)).toEqual(['~4', '=s5', '=r1', '=r2', '=r3']);
  });

  test('the page gives each shown item’s current version, to say it moved on', async () => {
    const moved = await createSpecificationRow(project, { title: 'Chiffrement', version: 3 });
    const number = await nextRefNumber(getDb(), project.id, BASELINE_NUMBER_SERIES);
    const [row] = await getDb().insert(baselines).values({ projectId: project.id, number, name: 'LDB' }).returning({ id: baselines.id });
    const snapshot = { title: moved.title, body: '', category: 'architecture', status: 'draft' };
    await getDb().insert(baselineItems).values({ baselineId: row!.id, kind: 'specification', itemId: moved.id, number: moved.number, version: 2, snapshot });
    const result = await baselineComparisonPage(getDb(), { before: null, after: row!.id, page: 1, pageSize: 50 });
    expect(result.current.get(moved.id)).toBe(3);
    expect(result.shown.added[0]!.version).toBe(2);
  });
});

describe('a page of a comparison', () => {
  test('pages follow one another across the sections, each entry on exactly one page, counts on every page', async () => {
    // 2 changed, 3 added, 1 removed, 4 unchanged: 10 entries, shown in that order.
    const before = await baselineOf([spec(1, 1, 'a'), spec(2, 1, 'b'), spec(9, 1, 'gone'), ...[1, 2, 3, 4].map((n) => requirement(n))]);
    const after = await baselineOf([
      spec(1, 2, 'a2'),
      spec(2, 2, 'b2'),
      spec(3, 1, 'c'),
      spec(4, 1, 'd'),
      spec(5, 1, 'e'),
      ...[1, 2, 3, 4].map((n) => requirement(n)),
    ]);
    const page = (n: number, pageSize: number) => baselineComparisonPage(getDb(), { before, after, page: n, pageSize });
    expect(refs(await page(1, 4))).toEqual(['~1', '~2', '+3', '+4']);
    expect(refs(await page(2, 4))).toEqual(['+5', '-9', '=r1', '=r2']);
    expect(refs(await page(3, 4))).toEqual(['=r3', '=r4']);
    // Past the last page: nothing shown, the counts still said.
    const beyond = await page(4, 4);
    expect(refs(beyond)).toEqual([]);
    expect(beyond.counts).toEqual({ changed: 2, added: 3, removed: 1, unchanged: 4, total: 10 });
    const all = (await Promise.all([1, 2, 3, 4].map((n) => page(n, 3)))).flatMap(refs);
    expect(all).toEqual(refs(await page(1, 10)));
  });

  test('an empty baseline compares as nothing at all', async () => {
    const empty = await baselineOf([]);
    const result = await baselineComparisonPage(getDb(), { before: null, after: empty, page: 1, pageSize: 20 });
    expect(result.counts).toEqual({ changed: 0, added: 0, removed: 0, unchanged: 0, total: 0 });
    expect(refs(result)).toEqual([]);
  });
});
