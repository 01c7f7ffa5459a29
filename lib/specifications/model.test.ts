import { describe, expect, test } from 'vitest';
import { SPECIFICATION_STATUSES, canMoveSpecification, nextStatuses, statusAfterEdit, type SpecificationStatus } from './model';

/** The workflow of the issue, written out by hand: brouillon → en revue → approuvée → remplacée, review may send back. */
const ALLOWED = new Set(['draft→in_review', 'in_review→approved', 'in_review→draft', 'approved→superseded']);

describe('specification workflow', () => {
  const pairs = SPECIFICATION_STATUSES.flatMap((from) => SPECIFICATION_STATUSES.map((to) => [from, to] as const));

  test.each(pairs)('%s → %s', (from, to) => {
    expect(canMoveSpecification(from, to)).toBe(ALLOWED.has(`${from}→${to}`));
  });

  test('nextStatuses lists exactly the allowed moves', () => {
    for (const from of SPECIFICATION_STATUSES) {
      const expected = SPECIFICATION_STATUSES.filter((to) => ALLOWED.has(`${from}→${to}`));
      expect([...nextStatuses(from)].sort()).toEqual([...expected].sort());
    }
    expect(nextStatuses('superseded')).toEqual([]);
  });

  test.each([
    ['draft', 'draft'],
    ['in_review', 'in_review'],
    ['approved', 'draft'],
    ['superseded', null],
  ] as [SpecificationStatus, SpecificationStatus | null][])('editing a %s specification leaves it %s', (current, expected) => {
    expect(statusAfterEdit(current)).toBe(expected);
  });
});
