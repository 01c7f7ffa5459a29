import { describe, expect, test } from 'vitest';
import { ancestorPath, type RequirementAncestor } from './list-row';

const item = (id: string, parentId: string | null, number: number): RequirementAncestor => ({ id, parentId, number, title: `T${number}` });

describe('ancestorPath', () => {
  const byId = new Map([item('a', null, 1), item('b', 'a', 2), item('c', 'b', 3)].map((a) => [a.id, a]));

  test('lists the chapters above, outermost first', () => {
    expect(ancestorPath('c', byId).map((a) => a.number)).toEqual([1, 2, 3]);
  });

  test('a top-level requirement has an empty path', () => {
    expect(ancestorPath(null, byId)).toEqual([]);
  });

  test('stops at a chapter that was not read', () => {
    expect(ancestorPath('x', byId)).toEqual([]);
    const partial = new Map([item('b', 'gone', 2)].map((a) => [a.id, a]));
    expect(ancestorPath('b', partial).map((a) => a.number)).toEqual([2]);
  });

  test('a cycle in the chain ends the path instead of looping', () => {
    const cycle = new Map([item('a', 'b', 1), item('b', 'a', 2)].map((a) => [a.id, a]));
    expect(ancestorPath('a', cycle).map((a) => a.number)).toEqual([2, 1]);
  });
});
