import { describe, expect, test } from 'vitest';
import { baselineContent, compareBaselines, comparisonSize, pageOfComparison, redline, type BaselineItem } from './baseline';
import { contentHash } from './canonical';

const spec = (n: number, version: number, body: string): BaselineItem => ({
  kind: 'specification',
  itemId: `s${n}`,
  number: n,
  version,
  snapshot: { title: `STD ${n}`, body, category: 'security', status: 'approved' },
});
const requirement = (n: number): BaselineItem => ({
  kind: 'requirement',
  itemId: `r${n}`,
  number: n,
  version: 1,
  snapshot: { title: `EXF ${n}`, statement: 'Le salaire est versé', priority: 'must', status: 'validated', tags: ['paie'] },
});

describe('comparing baselines', () => {
  test('added, removed, changed (with the redline of the changed field) and unchanged items', () => {
    const before = [spec(1, 1, 'Chiffrer les données'), spec(2, 1, 'Journaliser'), requirement(1)];
    const after = [spec(1, 2, 'Chiffrer toutes les données'), spec(3, 1, 'Sauvegarder'), requirement(1)];
    const result = compareBaselines(before, after);
    expect(result.added.map((i) => i.number)).toEqual([3]);
    expect(result.removed.map((i) => i.number)).toEqual([2]);
    expect(result.unchanged.map((i) => i.itemId)).toEqual(['r1']);
    expect(result.changed).toHaveLength(1);
    const diffs = redline(result.changed[0]!);
    const body = diffs.find((d) => d.field === 'body')!;
    expect(body.changed).toBe(true);
    expect(body.parts.filter((p) => p.added).map((p) => p.value.trim())).toContain('toutes');
    expect(diffs.find((d) => d.field === 'title')!.changed).toBe(false);
  });

  test('against nothing, everything is added', () => {
    expect(compareBaselines([], [spec(1, 1, 'x')]).added).toHaveLength(1);
  });
});

describe('a page of a comparison', () => {
  // 2 changed, 3 added, 1 removed, 4 unchanged: 10 entries, shown in that order.
  const before = [spec(1, 1, 'a'), spec(2, 1, 'b'), spec(9, 1, 'gone'), ...[1, 2, 3, 4].map(requirement)];
  const after = [spec(1, 2, 'a2'), spec(2, 2, 'b2'), spec(3, 1, 'c'), spec(4, 1, 'd'), spec(5, 1, 'e'), ...[1, 2, 3, 4].map(requirement)];
  const comparison = compareBaselines(before, after);
  const refs = (c: ReturnType<typeof pageOfComparison>) => [
    ...c.changed.map((x) => `~${x.after.number}`),
    ...c.added.map((i) => `+${i.number}`),
    ...c.removed.map((i) => `-${i.number}`),
    ...c.unchanged.map((i) => `=${i.kind[0]}${i.number}`),
  ];

  test('pages follow one another across the sections, each entry on exactly one page', () => {
    expect(comparisonSize(comparison)).toBe(10);
    expect(refs(pageOfComparison(comparison, 1, 4))).toEqual(['~1', '~2', '+3', '+4']);
    expect(refs(pageOfComparison(comparison, 2, 4))).toEqual(['+5', '-9', '=r1', '=r2']);
    expect(refs(pageOfComparison(comparison, 3, 4))).toEqual(['=r3', '=r4']);
    expect(refs(pageOfComparison(comparison, 4, 4))).toEqual([]);
    const all = [1, 2, 3, 4].flatMap((page) => refs(pageOfComparison(comparison, page, 3)));
    expect(all).toEqual(refs(comparison));
  });
});

describe('the signed content of a baseline', () => {
  const header = { number: 1, name: 'LDB lot 1', createdAt: new Date('2026-03-02T09:00:00Z') };
  test('does not depend on the order items were read in; any frozen field changes it', () => {
    const items = [spec(2, 1, 'a'), requirement(1), spec(1, 1, 'b')];
    expect(contentHash(baselineContent(header, items))).toBe(contentHash(baselineContent(header, [...items].reverse())));
    expect(contentHash(baselineContent(header, [spec(2, 1, 'a!'), requirement(1), spec(1, 1, 'b')]))).not.toBe(
      contentHash(baselineContent(header, items)),
    );
    expect(contentHash(baselineContent({ ...header, name: 'Autre' }, items))).not.toBe(contentHash(baselineContent(header, items)));
  });
});
