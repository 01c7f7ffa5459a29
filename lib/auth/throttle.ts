/**
 * Sign-in throttling policy. Failures are counted per account and per client address; past a few free tries each
 * further failure doubles the wait, capped, and counters fade after a quiet hour. Nobody can be locked out for good:
 * the worst an attacker achieves against a victim's account is the capped delay.
 */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

export interface ThrottlePolicy {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/** Offices sit behind one NAT address: allow more before slowing an address down. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeAttempts: 20,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export function isBlocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.blockedUntil && state.blockedUntil.getTime() > now.getTime();
}

export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeAttempts) return 0;
  const exponent = Math.min(failures - policy.freeAttempts, 30);
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

export function recordFailure(state: ThrottleState | undefined, now: Date, policy: ThrottlePolicy): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > policy.forgetAfterMs;
  const failures = (stale ? 0 : state.failures) + 1;
  const delay = delayAfterFailures(failures, policy);
  return { failures, lastFailureAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null };
}
