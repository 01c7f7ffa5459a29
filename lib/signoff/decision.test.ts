import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionRank, evaluateCriteria, proposeDecision, type ReadinessInputs } from './decision';
import { DEFAULT_THRESHOLDS } from './readiness-model';

const ready: ReadinessInputs = {
  thresholds: { ...DEFAULT_THRESHOLDS },
  openAnomalies: { blocking: 0, major: 0, minor: 0 },
  mustHave: { total: 12, uncovered: 0, unverified: 0 },
  suspectLinks: 0,
  campaigns: { total: 2, open: 0 },
  checklist: { total: 5, unsettled: 0 },
  baseline: { number: 2, approval: 'approved' },
  reservations: { open: 0, overdue: 0 },
};

function withInputs(patch: Partial<ReadinessInputs>): ReadinessInputs {
  return { ...ready, ...patch };
}

function verdictOf(inputs: ReadinessInputs, key: string) {
  return evaluateCriteria(inputs).find((c) => c.key === key)!.verdict;
}

describe('proposeDecision (DESIGN.md §3)', () => {
  it('GO when every criterion is met', () => {
    const { decision, criteria } = proposeDecision(ready);
    expect(decision).toBe('go');
    expect(criteria.every((c) => c.verdict === 'met')).toBe(true);
  });

  it('any open bloquante → NO-GO (default threshold 0)', () => {
    const inputs = withInputs({ openAnomalies: { blocking: 1, major: 0, minor: 0 } });
    expect(proposeDecision(inputs).decision).toBe('no_go');
    expect(verdictOf(inputs, 'blockingAnomalies')).toBe('blocking');
  });

  it('majeures above the threshold → NO-GO, at the threshold → GO avec réserves', () => {
    expect(proposeDecision(withInputs({ openAnomalies: { blocking: 0, major: 4, minor: 0 } })).decision).toBe('no_go');
    expect(proposeDecision(withInputs({ openAnomalies: { blocking: 0, major: 3, minor: 0 } })).decision).toBe('go_with_reservations');
    expect(proposeDecision(withInputs({ openAnomalies: { blocking: 0, major: 1, minor: 0 } })).decision).toBe('go_with_reservations');
  });

  it('mineures only → GO avec réserves', () => {
    const inputs = withInputs({ openAnomalies: { blocking: 0, major: 0, minor: 7 } });
    expect(proposeDecision(inputs).decision).toBe('go_with_reservations');
    expect(verdictOf(inputs, 'minorAnomalies')).toBe('reservation');
  });

  it('follows the project thresholds, not the defaults', () => {
    const strict = { maxBlocking: 0, maxMajor: 0 };
    expect(proposeDecision(withInputs({ thresholds: strict, openAnomalies: { blocking: 0, major: 1, minor: 0 } })).decision).toBe('no_go');
    const lenient = { maxBlocking: 1, maxMajor: 10 };
    expect(proposeDecision(withInputs({ thresholds: lenient, openAnomalies: { blocking: 1, major: 10, minor: 0 } })).decision).toBe(
      'go_with_reservations',
    );
    expect(proposeDecision(withInputs({ thresholds: lenient, openAnomalies: { blocking: 2, major: 0, minor: 0 } })).decision).toBe('no_go');
  });

  it('a must-have not covered, or covered but not verified → NO-GO', () => {
    expect(proposeDecision(withInputs({ mustHave: { total: 12, uncovered: 1, unverified: 0 } })).decision).toBe('no_go');
    expect(proposeDecision(withInputs({ mustHave: { total: 12, uncovered: 0, unverified: 2 } })).decision).toBe('no_go');
    expect(proposeDecision(withInputs({ mustHave: { total: 0, uncovered: 0, unverified: 0 } })).decision).toBe('go');
  });

  it('a suspect link or an unsettled checklist item → GO avec réserves', () => {
    expect(proposeDecision(withInputs({ suspectLinks: 1 })).decision).toBe('go_with_reservations');
    expect(proposeDecision(withInputs({ checklist: { total: 5, unsettled: 1 } })).decision).toBe('go_with_reservations');
  });

  it('a campaign still open, or no campaign at all → NO-GO', () => {
    expect(proposeDecision(withInputs({ campaigns: { total: 2, open: 1 } })).decision).toBe('no_go');
    expect(proposeDecision(withInputs({ campaigns: { total: 0, open: 0 } })).decision).toBe('no_go');
  });

  it('the latest baseline approved (with or without reservations) is met; rejected → NO-GO; pending or none → GO avec réserves', () => {
    expect(verdictOf(withInputs({ baseline: { number: 2, approval: 'approved_with_reservations' } }), 'baselineApproved')).toBe('met');
    expect(proposeDecision(withInputs({ baseline: { number: 2, approval: 'rejected' } })).decision).toBe('no_go');
    expect(verdictOf(withInputs({ baseline: { number: 2, approval: 'rejected' } }), 'baselineApproved')).toBe('blocking');
    expect(proposeDecision(withInputs({ baseline: { number: 2, approval: 'pending' } })).decision).toBe('go_with_reservations');
    expect(proposeDecision(withInputs({ baseline: { number: 2, approval: 'none' } })).decision).toBe('go_with_reservations');
    expect(proposeDecision(withInputs({ baseline: { number: null, approval: 'none' } })).decision).toBe('go_with_reservations');
  });

  it('an open reservation, overdue or not → GO avec réserves; none → met', () => {
    expect(proposeDecision(withInputs({ reservations: { open: 1, overdue: 0 } })).decision).toBe('go_with_reservations');
    expect(proposeDecision(withInputs({ reservations: { open: 2, overdue: 2 } })).decision).toBe('go_with_reservations');
    expect(verdictOf(withInputs({ reservations: { open: 0, overdue: 0 } }), 'openReservations')).toBe('met');
  });

  it('gives a verdict for every criterion, in a fixed order', () => {
    expect(evaluateCriteria(ready).map((c) => c.key)).toEqual([
      'blockingAnomalies',
      'majorAnomalies',
      'minorAnomalies',
      'mustHaveRequirements',
      'suspectLinks',
      'campaignsClosed',
      'checklist',
      'baselineApproved',
      'openReservations',
    ]);
  });
});

const count = fc.nat({ max: 20 });
const inputsArb: fc.Arbitrary<ReadinessInputs> = fc.record({
  thresholds: fc.record({ maxBlocking: fc.nat({ max: 3 }), maxMajor: fc.nat({ max: 10 }) }),
  openAnomalies: fc.record({ blocking: count, major: count, minor: count }),
  mustHave: fc.record({ total: count, uncovered: count, unverified: count }),
  suspectLinks: count,
  campaigns: fc.record({ total: count, open: count }),
  checklist: fc.record({ total: count, unsettled: count }),
  baseline: fc.record({
    number: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    approval: fc.constantFrom('none' as const, 'pending' as const, 'approved' as const, 'approved_with_reservations' as const, 'rejected' as const),
  }),
  reservations: fc.record({ open: count, overdue: count }),
});

describe('proposeDecision properties', () => {
  it('adding a bloquante never improves the decision', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const more = { ...i, openAnomalies: { ...i.openAnomalies, blocking: i.openAnomalies.blocking + 1 } };
        expect(decisionRank(proposeDecision(more).decision)).toBeGreaterThanOrEqual(decisionRank(proposeDecision(i).decision));
      }),
    );
  });

  it('adding any open anomaly never improves the decision, and makes GO impossible', () => {
    fc.assert(
      fc.property(inputsArb, fc.constantFrom('blocking', 'major', 'minor'), (i, severity) => {
        const more = { ...i, openAnomalies: { ...i.openAnomalies, [severity]: i.openAnomalies[severity as 'major'] + 1 } };
        const after = proposeDecision(more).decision;
        expect(decisionRank(after)).toBeGreaterThanOrEqual(decisionRank(proposeDecision(i).decision));
        expect(after).not.toBe('go');
      }),
    );
  });

  it('lowering a threshold never improves the decision', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const stricter = { ...i, thresholds: { maxBlocking: Math.max(0, i.thresholds.maxBlocking - 1), maxMajor: Math.max(0, i.thresholds.maxMajor - 1) } };
        expect(decisionRank(proposeDecision(stricter).decision)).toBeGreaterThanOrEqual(decisionRank(proposeDecision(i).decision));
      }),
    );
  });

  it('an open bloquante above the threshold is always NO-GO, whatever else', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const over = { ...i, openAnomalies: { ...i.openAnomalies, blocking: i.thresholds.maxBlocking + 1 } };
        expect(proposeDecision(over).decision).toBe('no_go');
      }),
    );
  });

  it('GO exactly when every criterion is met', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const { decision, criteria } = proposeDecision(i);
        expect(decision === 'go').toBe(criteria.every((c) => c.verdict === 'met'));
      }),
    );
  });
});
