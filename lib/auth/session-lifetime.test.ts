import { describe, expect, test } from 'vitest';
import { SESSION_LIFETIME_SECONDS, nowInSeconds, remainingLifetime, sessionClaimsOf } from './session-lifetime';

describe('remainingLifetime', () => {
  test('a fresh session gets the full lifetime, never more', () => {
    expect(remainingLifetime(1_000 + SESSION_LIFETIME_SECONDS, 1_000)).toBe(SESSION_LIFETIME_SECONDS);
    expect(remainingLifetime(1_000 + 10 * SESSION_LIFETIME_SECONDS, 1_000)).toBe(SESSION_LIFETIME_SECONDS);
  });

  test('a refresh late in the session only gets what remains until the absolute expiry', () => {
    expect(remainingLifetime(5_000, 4_400)).toBe(600);
    expect(remainingLifetime(5_000, 4_999.5)).toBe(0);
  });

  test('past the absolute expiry nothing remains', () => {
    expect(remainingLifetime(5_000, 5_000)).toBe(0);
    expect(remainingLifetime(5_000, 9_000)).toBe(0);
  });
});

describe('sessionClaimsOf', () => {
  const claims = { uid: 'u', sv: 2, sid: 's', abs: 10 };

  test('keeps the four claims and drops the rest', () => {
    expect(sessionClaimsOf({ ...claims, exp: 1, iat: 0, jti: 'x', email: 'a@b.c' })).toEqual(claims);
  });

  test('a token missing any claim, or with a claim of the wrong type, is no session', () => {
    for (const key of Object.keys(claims)) {
      const { [key as keyof typeof claims]: _dropped, ...rest } = claims;
      expect(sessionClaimsOf(rest)).toBeNull();
      expect(sessionClaimsOf({ ...claims, [key]: key === 'sv' || key === 'abs' ? '1' : 1 })).toBeNull();
    }
    expect(sessionClaimsOf(null)).toBeNull();
  });
});

test('nowInSeconds truncates milliseconds', () => {
  expect(nowInSeconds(12_999)).toBe(12);
});
