import { describe, expect, test } from 'vitest';
import type { SpecificationStatus } from '@/lib/specifications/model';
import { coverageState } from './coverage';

const spec = (status: SpecificationStatus, suspect = false) => ({ status, suspect });
const tested = { testCases: 1, suspect: false };
const untested = { testCases: 0, suspect: false };

describe('coverageState', () => {
  test.each([
    ['no specification at all', [], untested, 'uncovered'],
    ['a test case but no specification', [], tested, 'uncovered'],
    ['a draft only, tested', [spec('draft')], tested, 'uncovered'],
    ['a spec in review only, tested', [spec('in_review')], tested, 'uncovered'],
    ['a superseded spec only, tested', [spec('superseded')], tested, 'uncovered'],
    ['drafts and reviews, no approval', [spec('draft'), spec('in_review'), spec('superseded')], tested, 'uncovered'],
    ['one approved spec but no test case', [spec('approved')], untested, 'uncovered'],
    ['one approved spec and a test case', [spec('approved')], tested, 'covered'],
    ['one approved among drafts, tested', [spec('draft'), spec('approved'), spec('in_review')], tested, 'covered'],
    ['an approved spec whose link is suspect', [spec('approved', true)], tested, 'suspect'],
    ['a suspect draft next to a clean approved spec', [spec('approved'), spec('draft', true)], tested, 'suspect'],
    ['a suspect draft alone, untested', [spec('draft', true)], untested, 'suspect'],
    ['a suspect link to a test case', [spec('approved')], { testCases: 1, suspect: true }, 'suspect'],
  ] as const)('%s → %s', (_label, specs, verification, expected) => {
    expect(coverageState(specs, verification)).toBe(expected);
  });
});
