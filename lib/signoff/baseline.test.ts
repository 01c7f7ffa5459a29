import { describe, expect, test } from 'vitest';
import { baselineContent, compareBaselines, type BaselineItem } from './baseline';
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
    const body = result.changed[0]!.diffs.find((d) => d.field === 'body')!;
    expect(body.changed).toBe(true);
    expect(body.parts.filter((p) => p.added).map((p) => p.value.trim())).toContain('toutes');
    expect(result.changed[0]!.diffs.find((d) => d.field === 'title')!.changed).toBe(false);
  });

  test('against nothing, everything is added', () => {
    expect(compareBaselines([], [spec(1, 1, 'x')]).added).toHaveLength(1);
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
