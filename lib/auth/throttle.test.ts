import { describe, expect, test } from 'vitest';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  delayAfterFailures,
  isBlocked,
  recordFailure,
  type ThrottlePolicy,
  type ThrottleState,
} from './throttle';

const policy: ThrottlePolicy = { freeAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 3_600_000 };
const t0 = new Date('2030-01-01T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(n: number, p: ThrottlePolicy = policy, now = t0): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let i = 0; i < n; i += 1) state = recordFailure(state, now, p);
  return state;
}

describe('delayAfterFailures', () => {
  test('the free attempts cost nothing', () => {
    for (let failures = 0; failures < policy.freeAttempts; failures += 1) expect(delayAfterFailures(failures, policy)).toBe(0);
  });

  test('then the delay starts at the base and doubles with each failure', () => {
    expect(delayAfterFailures(3, policy)).toBe(1_000);
    expect(delayAfterFailures(4, policy)).toBe(2_000);
    expect(delayAfterFailures(5, policy)).toBe(4_000);
    expect(delayAfterFailures(8, policy)).toBe(32_000);
  });

  test('is capped, even after an absurd number of failures', () => {
    expect(delayAfterFailures(9, policy)).toBe(60_000);
    expect(delayAfterFailures(10_000, policy)).toBe(60_000);
    expect(delayAfterFailures(Number.MAX_SAFE_INTEGER, ACCOUNT_POLICY)).toBe(ACCOUNT_POLICY.maxDelayMs);
  });
});

describe('recordFailure', () => {
  test('counts failures and blocks only past the free attempts', () => {
    expect(failTimes(1)).toEqual({ failures: 1, lastFailureAt: t0, blockedUntil: null });
    expect(failTimes(2)?.blockedUntil).toBeNull();
    expect(failTimes(3)).toEqual({ failures: 3, lastFailureAt: t0, blockedUntil: at(1_000) });
    expect(failTimes(4)?.blockedUntil).toEqual(at(2_000));
  });

  test('a failure within the hour keeps counting', () => {
    const state = failTimes(3)!;
    const next = recordFailure(state, at(59 * 60_000), policy);
    expect(next.failures).toBe(4);
    expect(next.blockedUntil).toEqual(at(59 * 60_000 + 2_000));
  });

  test('counters are forgotten after a quiet hour', () => {
    const state = failTimes(8)!;
    const next = recordFailure(state, at(policy.forgetAfterMs + 1), policy);
    expect(next).toEqual({ failures: 1, lastFailureAt: at(policy.forgetAfterMs + 1), blockedUntil: null });
  });

  test('nobody is locked out for longer than the cap (no permanent lock)', () => {
    const state = failTimes(500, ACCOUNT_POLICY)!;
    expect(state.blockedUntil!.getTime() - t0.getTime()).toBe(ACCOUNT_POLICY.maxDelayMs);
    expect(isBlocked(state, at(ACCOUNT_POLICY.maxDelayMs))).toBe(false);
  });
});

describe('isBlocked', () => {
  test('is false without a counter or without a block', () => {
    expect(isBlocked(undefined, t0)).toBe(false);
    expect(isBlocked({ failures: 1, lastFailureAt: t0, blockedUntil: null }, t0)).toBe(false);
  });

  test('is true strictly before blockedUntil', () => {
    const state = { failures: 3, lastFailureAt: t0, blockedUntil: at(1_000) };
    expect(isBlocked(state, at(999))).toBe(true);
    expect(isBlocked(state, at(1_000))).toBe(false);
    expect(isBlocked(state, at(1_001))).toBe(false);
  });
});

describe('policies', () => {
  test('an account gets a few free tries, an address (a whole office behind NAT) more', () => {
    expect(ACCOUNT_POLICY.freeAttempts).toBeGreaterThanOrEqual(3);
    expect(ADDRESS_POLICY.freeAttempts).toBeGreaterThan(ACCOUNT_POLICY.freeAttempts);
  });

  test('the worst delay stays short enough that lockout cannot be used to shut someone out for long', () => {
    for (const p of [ACCOUNT_POLICY, ADDRESS_POLICY]) {
      expect(p.maxDelayMs).toBeLessThanOrEqual(60 * 60_000);
      expect(p.forgetAfterMs).toBeLessThanOrEqual(24 * 60 * 60_000);
    }
  });
});
