import { describe, expect, test } from 'vitest';
import type { SpecificationStatus } from '@/lib/specifications/model';
import { coverageState } from './coverage';

const spec = (status: SpecificationStatus, suspect = false) => ({ status, suspect });

describe('coverageState', () => {
  test.each([
    ['no specification at all', [], 'uncovered'],
    ['a draft only', [spec('draft')], 'uncovered'],
    ['a spec in review only', [spec('in_review')], 'uncovered'],
    ['a superseded spec only', [spec('superseded')], 'uncovered'],
    ['drafts and reviews, no approval', [spec('draft'), spec('in_review'), spec('superseded')], 'uncovered'],
    ['one approved spec', [spec('approved')], 'covered'],
    ['one approved among drafts', [spec('draft'), spec('approved'), spec('in_review')], 'covered'],
    ['an approved spec whose link is suspect', [spec('approved', true)], 'suspect'],
    ['a suspect draft next to a clean approved spec', [spec('approved'), spec('draft', true)], 'suspect'],
    ['a suspect draft alone', [spec('draft', true)], 'suspect'],
  ] as const)('%s → %s', (_label, specs, expected) => {
    expect(coverageState(specs)).toBe(expected);
  });
});
