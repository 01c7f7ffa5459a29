import { describe, expect, test } from 'vitest';
import { REF_PREFIXES, formatRef, parseRef, type RefKind } from './refs';

describe('formatRef', () => {
  test.each([
    ['requirement', 12, 'EXF-12'],
    ['specification', 7, 'STD-7'],
    ['testCase', 40, 'CT-40'],
    ['anomaly', 3, 'ANO-3'],
  ] as const)('%s %i → %s', (kind, number, expected) => {
    expect(formatRef(kind, number)).toBe(expected);
  });
});

describe('parseRef', () => {
  test.each([
    ['EXF-12', { kind: 'requirement', number: 12 }],
    ['exf-12', { kind: 'requirement', number: 12 }],
    ['EXF 12', { kind: 'requirement', number: 12 }],
    ['exf12', { kind: 'requirement', number: 12 }],
    ['  STD-7  ', { kind: 'specification', number: 7 }],
    ['std 7', { kind: 'specification', number: 7 }],
    ['CT-40', { kind: 'testCase', number: 40 }],
    ['ano-3', { kind: 'anomaly', number: 3 }],
    ['EXF-007', { kind: 'requirement', number: 7 }],
  ])('%j → %j', (text, expected) => {
    expect(parseRef(text)).toEqual(expected);
  });

  test.each(['', 'EXF', 'EXF-', 'XYZ-1', 'EXF-12a', 'EXF--12', 'EXF-1-2', 'paie EXF-3', 'EXF-12345678', 'E-1', 'ÉXF-1', 'EXF-1.5'])(
    '%j is not a reference',
    (text) => {
      expect(parseRef(text)).toBeNull();
    },
  );

  test('every kind round-trips through formatRef', () => {
    for (const kind of Object.keys(REF_PREFIXES) as RefKind[]) {
      for (const number of [1, 9, 10, 1234567]) expect(parseRef(formatRef(kind, number))).toEqual({ kind, number });
    }
  });
});
