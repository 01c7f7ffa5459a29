import { describe, expect, test } from 'vitest';
import { evaluateBudgets, ratio, type BudgetInput } from './budgets';

const base: BudgetInput = {
  healthP97_5: 20,
  floorP97_5: 50,
  pages: [
    { name: 'floor', p97_5: 50, htmlBytes: 40_000, heavy: false, failedRequests: 0 },
    { name: 'requirements', p97_5: 100, htmlBytes: 300_000, heavy: true, failedRequests: 0 },
  ],
  statements: [{ name: 'requirements', small: 6, large: 6 }],
  routes: [{ route: '/profile', gzipBytes: 200_000 }],
};

const failing = (input: BudgetInput) =>
  evaluateBudgets(input)
    .filter((c) => !c.pass)
    .map((c) => `${c.budget}: ${c.subject}`);

describe('evaluateBudgets', () => {
  test('limits are inclusive: exactly 2× the floor, 300 kB, equal counts and 200 kB pass', () => {
    expect(failing(base)).toEqual([]);
    expect(evaluateBudgets(base).find((c) => c.subject === 'signed-in floor')?.measured).toBe('2.50× (50 ms vs 20 ms)');
  });

  test('each budget fails on its own', () => {
    expect(failing({ ...base, floorP97_5: 61, pages: base.pages.map((p) => ({ ...p, p97_5: 61 })) })).toEqual([
      'floor p97.5 ≤ 3× health: signed-in floor',
    ]);
    expect(failing({ ...base, pages: [{ ...base.pages[1]!, p97_5: 101 }] })).toEqual(['p97.5 ≤ 2× floor: requirements']);
    expect(failing({ ...base, pages: [{ ...base.pages[1]!, htmlBytes: 300_001 }] })).toEqual(['HTML ≤ 300 kB: requirements']);
    expect(failing({ ...base, statements: [{ name: 'requirements', small: 6, large: 2006 }] })).toEqual([
      'same SQL count small/large: requirements',
    ]);
    expect(failing({ ...base, routes: [{ route: '/profile', gzipBytes: 200_001 }] })).toEqual(['first-load JS ≤ 200 kB gzip: /profile']);
    expect(failing({ ...base, pages: [{ ...base.pages[0]!, failedRequests: 3 }] })).toEqual(['every request answered 2xx: floor']);
  });

  test('nothing measured is never a pass', () => {
    expect(failing({ ...base, healthP97_5: null, floorP97_5: null })).toEqual([
      'floor p97.5 ≤ 3× health: signed-in floor',
      'p97.5 ≤ 2× floor: requirements',
    ]);
    // A page whose every request timed out has no latency: it fails rather than passing at "0 ms".
    expect(failing({ ...base, pages: [{ ...base.pages[1]!, p97_5: null }] })).toEqual(['p97.5 ≤ 2× floor: requirements']);
    expect(failing({ ...base, statements: [{ name: 'requirements', small: null, large: 4 }] })).toEqual([
      'same SQL count small/large: requirements',
    ]);
  });

  test('ratio has no value without a positive reference', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(10, null)).toBeNull();
  });
});
