/**
 * Per-token request budget: a token bucket that holds `burst` requests and refills at `perMinute`. Pure: the caller
 * keeps the states (in memory, per server instance) and the clock.
 */
export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export interface RatePolicy {
  perMinute: number;
  burst: number;
}

export function takeFromBucket(
  state: BucketState | undefined,
  now: number,
  policy: RatePolicy,
): { state: BucketState; allowed: boolean; retryAfterSeconds: number } {
  const ratePerMs = policy.perMinute / 60_000;
  const available = state ? Math.min(policy.burst, state.tokens + (now - state.updatedAt) * ratePerMs) : policy.burst;
  if (available >= 1) return { state: { tokens: available - 1, updatedAt: now }, allowed: true, retryAfterSeconds: 0 };
  return {
    state: { tokens: available, updatedAt: now },
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((1 - available) / ratePerMs / 1000)),
  };
}
