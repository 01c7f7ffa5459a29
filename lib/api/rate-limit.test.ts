import { describe, expect, test } from 'vitest';
import { takeFromBucket, type BucketState } from './rate-limit';

const policy = { perMinute: 60, burst: 3 };

describe('per-token rate limit (token bucket)', () => {
  test('allows a burst, then refuses with the seconds until the next request', () => {
    let state: BucketState | undefined;
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const taken = takeFromBucket(state, 1_000, policy);
      state = taken.state;
      outcomes.push(taken.allowed);
    }
    expect(outcomes).toEqual([true, true, true, false]);
    expect(takeFromBucket(state, 1_000, policy).retryAfterSeconds).toBe(1);
  });

  test('refills at the rate, never above the burst', () => {
    const empty: BucketState = { tokens: 0, updatedAt: 0 };
    expect(takeFromBucket(empty, 500, policy).allowed).toBe(false);
    expect(takeFromBucket(empty, 1_000, policy).allowed).toBe(true);
    const later = takeFromBucket(empty, 3_600_000, policy);
    expect(later.state.tokens).toBe(policy.burst - 1);
  });
});
