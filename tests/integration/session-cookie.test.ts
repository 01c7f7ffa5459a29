import { encode } from 'next-auth/jwt';
import { describe, expect, test, vi } from 'vitest';
import type * as AuthModule from '@/auth';
import { authConfig } from '@/auth.config';
import { requestState } from '../setup/request-state';

// The suite replaces `@/auth` with a session switch; this file checks the real cookie reading behind it.
const { currentSession } = await vi.importActual<typeof AuthModule>('@/auth');

const cookieName = authConfig.useSecureCookies ? '__Secure-authjs.session-token' : 'authjs.session-token';
const userId = '0b6f8d0e-3c1a-4f7e-9a55-1f2e3d4c5b6a';

async function token(options: { secret?: string; salt?: string; maxAge?: number } = {}) {
  return encode({
    token: { uid: userId, sv: 3 },
    secret: options.secret ?? authConfig.secret!,
    salt: options.salt ?? cookieName,
    maxAge: options.maxAge ?? 3600,
  });
}

describe('currentSession reads the Auth.js session cookie', () => {
  test('a cookie Auth.js issued gives the user id and session version, as auth() did', async () => {
    requestState.cookies.set(cookieName, await token());
    expect(await currentSession()).toEqual({ user: { id: userId }, sessionVersion: 3, expires: expect.any(String) });
  });

  test('no cookie, a token for another secret or salt, an expired or a garbled one: no session', async () => {
    expect(await currentSession()).toBeNull();
    for (const value of [
      await token({ secret: 'another-secret-another-secret-another' }),
      await token({ salt: 'authjs.csrf-token' }),
      await token({ maxAge: -60 }),
      'not-a-jwe',
    ]) {
      requestState.cookies.set(cookieName, value);
      expect(await currentSession()).toBeNull();
    }
  });

  test('a valid token under another cookie name is ignored', async () => {
    requestState.cookies.set('authjs.csrf-token', await token());
    requestState.cookies.set(`x-${cookieName}`, await token());
    expect(await currentSession()).toBeNull();
  });
});
