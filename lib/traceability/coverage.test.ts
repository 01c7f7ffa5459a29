import { describe, expect, test } from 'vitest';
import type { SpecificationStatus } from '@/lib/specifications/model';
import { coverageState, latestResult, type RecordedRun, type Verification } from './coverage';

const spec = (status: SpecificationStatus, suspect = false) => ({ status, suspect });
const tests = (testCases: number, results: Partial<Verification> = {}): Verification => ({
  testCases,
  suspect: false,
  passed: 0,
  failed: 0,
  ...results,
});
const tested = tests(1);
const untested = tests(0);

describe('coverageState', () => {
  test.each([
    ['no specification at all', [], untested, 'uncovered'],
    ['a test case but no specification', [], tested, 'uncovered'],
    ['a draft only, tested', [spec('draft')], tested, 'uncovered'],
    ['a spec in review only, tested', [spec('in_review')], tested, 'uncovered'],
    ['a superseded spec only, tested', [spec('superseded')], tested, 'uncovered'],
    ['drafts and reviews, no approval', [spec('draft'), spec('in_review'), spec('superseded')], tested, 'uncovered'],
    ['one approved spec but no test case', [spec('approved')], untested, 'uncovered'],
    ['one approved spec and a test case never run', [spec('approved')], tested, 'covered'],
    ['one approved among drafts, tested', [spec('draft'), spec('approved'), spec('in_review')], tested, 'covered'],
    ['an approved spec whose link is suspect', [spec('approved', true)], tested, 'suspect'],
    ['a suspect draft next to a clean approved spec', [spec('approved'), spec('draft', true)], tested, 'suspect'],
    ['a suspect draft alone, untested', [spec('draft', true)], untested, 'suspect'],
    ['a suspect link to a test case', [spec('approved')], tests(1, { suspect: true }), 'suspect'],
    ['its only test case passed', [spec('approved')], tests(1, { passed: 1 }), 'verified'],
    ['all three test cases passed', [spec('approved')], tests(3, { passed: 3 }), 'verified'],
    ['two of three passed, one never run', [spec('approved')], tests(3, { passed: 2 }), 'covered'],
    ['two passed, one blocked (counted in neither)', [spec('approved')], tests(3, { passed: 2 }), 'covered'],
    ['one of three failed', [spec('approved')], tests(3, { passed: 2, failed: 1 }), 'failed'],
    ['a failure without an approved spec is still a failure', [spec('draft')], tests(1, { failed: 1 }), 'failed'],
    ['a failure without any spec (a direct test case)', [], tests(1, { failed: 1 }), 'failed'],
    ['passes without an approved spec are not verification', [spec('in_review')], tests(2, { passed: 2 }), 'uncovered'],
    ['suspect wins over a failure', [spec('approved', true)], tests(1, { failed: 1 }), 'suspect'],
    ['suspect wins over all passed', [spec('approved')], tests(1, { passed: 1, suspect: true }), 'suspect'],
  ] as const)('%s → %s', (_label, specs, verification, expected) => {
    expect(coverageState(specs, verification)).toBe(expected);
  });
});

describe('latestResult', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));
  const run = (id: string, status: RecordedRun['status'], minute: number): RecordedRun => ({ id, status, startedAt: at(minute) });
  test.each([
    ['no run', [], null],
    ['one pass', [run('a', 'passed', 1)], 'passed'],
    ['only a run in progress', [run('a', 'in_progress', 1)], null],
    ['a failure, then a pass', [run('a', 'failed', 1), run('b', 'passed', 2)], 'passed'],
    ['a pass, then a failure (given out of order)', [run('b', 'failed', 2), run('a', 'passed', 1)], 'failed'],
    ['a pass, then a retest still in progress', [run('a', 'passed', 1), run('b', 'in_progress', 2)], 'passed'],
    ['a pass, then blocked', [run('a', 'passed', 1), run('b', 'blocked', 2)], 'blocked'],
    ['two at the same minute: the larger id wins', [run('b', 'failed', 1), run('a', 'passed', 1)], 'failed'],
  ] as const)('%s → %s', (_label, runs, expected) => {
    expect(latestResult(runs)).toBe(expected);
  });
});
