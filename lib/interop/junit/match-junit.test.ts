import { describe, expect, it } from 'vitest';
import { automationKeyOf, combinedOutcome, matchJUnitCases, refNumberOf, stepIndexOf, type SourcedCase } from './match-junit';

const junitCase = (over: Partial<SourcedCase>): SourcedCase => ({
  suitePath: ['suite'],
  classname: '',
  name: '',
  outcome: 'passed',
  message: '',
  details: '',
  systemOut: '',
  systemErr: '',
  durationMs: null,
  properties: [],
  flakyAttempts: 0,
  fileName: 'r.xml',
  ...over,
});

const testCases = [
  { id: 'a', number: 1, title: 'A', automationKey: 'pkg.Class.test_a' },
  { id: 'b', number: 2, title: 'B', automationKey: 'test_b' },
  { id: 'c', number: 12, title: 'C', automationKey: '' },
];

describe('automation keys and refs', () => {
  it('is classname.name, or the name alone without a classname', () => {
    expect(automationKeyOf({ classname: 'pkg.Class', name: 'test_a' })).toBe('pkg.Class.test_a');
    expect(automationKeyOf({ classname: '', name: 'test_b' })).toBe('test_b');
  });

  it('finds CT-12 in a property first, then in the name; not inside another word', () => {
    expect(refNumberOf({ name: 'CT-3 login', properties: [{ name: 'test_case', value: 'CT-12' }] })).toBe(12);
    expect(refNumberOf({ name: '[ct-7] login', properties: [] })).toBe(7);
    expect(refNumberOf({ name: 'ACT-7 or CT-7x', properties: [] })).toBeNull();
  });

  it('reads a 1-based step property', () => {
    expect(stepIndexOf({ properties: [{ name: 'step', value: '2' }] })).toBe(1);
    expect(stepIndexOf({ properties: [{ name: 'Étape', value: '1' }] })).toBe(0);
    expect(stepIndexOf({ properties: [{ name: 'step', value: '0' }] })).toBeNull();
  });
});

describe('matchJUnitCases', () => {
  it('matches by automation key, then name, then ref; proposes one test case per unknown key; keeps the rest unmatched', () => {
    const result = matchJUnitCases(
      [
        junitCase({ classname: 'pkg.Class', name: 'test_a' }),
        junitCase({ classname: 'other.Class', name: 'test_b', outcome: 'failure' }),
        junitCase({ classname: 'x', name: 'covers CT-12' }),
        junitCase({ classname: 'x', name: 'new one' }),
        junitCase({ classname: 'x', name: 'new one', fileName: 'second.xml' }),
        junitCase({ classname: 'x', name: 'names CT-404' }),
        junitCase({ classname: '', name: '' }),
      ],
      testCases,
    );
    expect(result.matched.map((m) => [m.testCaseId, m.cases.map((c) => c.matchedBy)])).toEqual([
      ['a', ['automationKey']],
      ['b', ['automationKey']],
      ['c', ['ref']],
    ]);
    expect(result.proposed).toEqual([expect.objectContaining({ automationKey: 'x.new one', title: 'new one', folder: 'Automatisés/x' })]);
    expect(result.proposed[0]!.cases).toHaveLength(2);
    expect(result.unmatched.map((c) => c.name)).toEqual(['names CT-404', '']);
  });

  it('combines several results: any failure or error fails, all skipped did not run', () => {
    expect(combinedOutcome(['passed', 'error'])).toBe('failed');
    expect(combinedOutcome(['skipped', 'passed'])).toBe('passed');
    expect(combinedOutcome(['skipped', 'skipped'])).toBe('skipped');
  });
});
