import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { apiTokenFields, lastUseIsStale, tokenState } from './token-model';

const now = new Date('2026-12-01T12:00:00Z');
const schema = z.object(apiTokenFields);

describe('token state', () => {
  test('revoked wins over expired; an expiry in the past or now is expired', () => {
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: new Date('2026-12-02T00:00:00Z') }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(tokenState({ revokedAt: now, expiresAt: new Date('2020-01-01T00:00:00Z') }, now)).toBe('revoked');
  });

  test('last use is written again only after a minute', () => {
    expect(lastUseIsStale(null, now)).toBe(true);
    expect(lastUseIsStale(new Date(now.getTime() - 59_000), now)).toBe(false);
    expect(lastUseIsStale(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});

describe('token form fields', () => {
  test('an empty lifetime is no expiry; days are 1 to 366', () => {
    expect(schema.parse({ name: ' CI ', scope: 'read', expiresInDays: '' })).toEqual({ name: 'CI', scope: 'read', expiresInDays: null });
    expect(schema.parse({ name: 'CI', scope: 'write', expiresInDays: '30' }).expiresInDays).toBe(30);
    expect(schema.parse({ name: 'CI', scope: 'write' }).expiresInDays).toBeNull();
    for (const bad of ['0', '367', '1.5', 'abc']) expect(schema.safeParse({ name: 'CI', scope: 'read', expiresInDays: bad }).success).toBe(false);
    expect(schema.safeParse({ name: '', scope: 'read' }).success).toBe(false);
    expect(schema.safeParse({ name: 'CI', scope: 'admin' }).success).toBe(false);
  });
});
