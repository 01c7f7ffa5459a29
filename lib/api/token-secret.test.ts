import { describe, expect, test } from 'vitest';
import { bearerToken, hashApiToken, newApiToken } from './token-secret';

describe('API token secrets', () => {
  test('are 256 random bits behind psl_, stored as their SHA-256, shown by their first characters', () => {
    const a = newApiToken();
    const b = newApiToken();
    expect(a.token).toMatch(/^psl_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashApiToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.prefix).toBe(a.token.slice(0, 12));
    expect(a.tokenHash).not.toContain(a.token.slice(4));
  });

  test('are read from a Bearer header only when they have the right shape', () => {
    const { token } = newApiToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer  ${token} `)).toBe(token);
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken(token)).toBeNull();
    expect(bearerToken(`Basic ${token}`)).toBeNull();
    expect(bearerToken('Bearer psl_short')).toBeNull();
    expect(bearerToken(`Bearer ${token} extra`)).toBeNull();
  });
});
