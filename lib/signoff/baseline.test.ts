import { describe, expect, test } from 'vitest';
import { baselineContent, type BaselineItem } from './baseline';
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
