import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hashToken, newOneTimeToken } from './tokens';

describe('one-time tokens', () => {
  test('the hash is the SHA-256 hex of the token, stable across calls', () => {
    expect(hashToken('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(hashToken('abc')).toBe(hashToken('abc'));
    expect(hashToken('abc')).not.toBe(hashToken('abd'));
    expect(hashToken('abc')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a new token is 256 random bits, URL-safe, and comes with its own hash', () => {
    const { token, tokenHash } = newOneTimeToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(hashToken(token));
    expect(tokenHash).not.toContain(token);
  });

  test('tokens never repeat', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newOneTimeToken().token));
    expect(tokens.size).toBe(200);
  });
});
