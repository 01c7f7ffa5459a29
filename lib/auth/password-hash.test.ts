import { describe, expect, test } from 'vitest';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  test('argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane) and a random salt', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  test('verifies the right password only', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  test('a malformed stored hash is a refusal, not a crash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
    expect(await verifyPassword('', 'whatever')).toBe(false);
  });

  test('the decoy hash is computed once and matches no ordinary password', async () => {
    const decoy = await decoyPasswordHash();
    expect(await decoyPasswordHash()).toBe(decoy);
    expect(decoy).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(decoy, 'password')).toBe(false);
  });
});
