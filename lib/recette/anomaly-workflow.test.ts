import { describe, expect, test } from 'vitest';
import { PROJECT_ROLES } from '@/lib/auth/roles';
import { ANOMALY_STATUSES } from './anomaly-model';
import { allowedTransitions, canTransition, retestProposal, transitionNeedsReason } from './anomaly-workflow';

describe('anomaly transitions per role', () => {
  test('the AMOE carries an anomaly from nouvelle to à retester', () => {
    expect(canTransition('amoe', 'new', 'analysis')).toBe(true);
    expect(canTransition('amoe', 'analysis', 'fixing')).toBe(true);
    expect(canTransition('amoe', 'fixing', 'to_retest')).toBe(true);
  });

  test('the MOA and the AMOA close or reopen after a retest, and cannot hand over for retest', () => {
    for (const role of ['moa', 'amoa'] as const) {
      expect(canTransition(role, 'to_retest', 'closed')).toBe(true);
      expect(canTransition(role, 'to_retest', 'reopened')).toBe(true);
      expect(canTransition(role, 'fixing', 'to_retest')).toBe(false);
      expect(canTransition(role, 'new', 'rejected')).toBe(false);
    }
  });

  test('a viewer moves nothing, from anywhere', () => {
    for (const from of ANOMALY_STATUSES) expect(allowedTransitions('viewer', from)).toEqual([]);
  });

  test('no status moves to itself, and nothing skips straight to fermée without a retest', () => {
    for (const role of PROJECT_ROLES) {
      for (const from of ANOMALY_STATUSES) {
        expect(canTransition(role, from, from)).toBe(false);
        if (from !== 'to_retest') expect(canTransition(role, from, 'closed')).toBe(false);
      }
    }
  });

  test('rejecting and reopening need a reason', () => {
    expect(transitionNeedsReason('rejected')).toBe(true);
    expect(transitionNeedsReason('reopened')).toBe(true);
    expect(transitionNeedsReason('fixing')).toBe(false);
  });
});

describe('retest proposals', () => {
  test.each([
    ['passed', 'to_retest', 'close'],
    ['failed', 'to_retest', 'reopen'],
    ['blocked', 'to_retest', null],
    ['passed', 'fixing', null],
    ['failed', 'closed', null],
  ] as const)('%s on an anomaly %s → %s', (result, status, expected) => {
    expect(retestProposal(result, status)).toBe(expected);
  });
});
