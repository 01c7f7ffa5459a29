import { encode } from 'next-auth/jwt';
import { describe, expect, test, vi } from 'vitest';
import type * as AuthModule from '@/auth';
import { authConfig } from '@/auth.config';
import { requestState } from '../setup/request-state';

// The suite replaces `@/auth` with a session switch; this file checks the real cookie reading behind it.
const { currentSession } = await vi.importActual<typeof AuthModule>('@/auth');

const cookieName = authConfig.useSecureCookies ? '__Secure-authjs.session-token' : 'authjs.session-token';
const userId = '0b6f8d0e-3c1a-4f7e-9a55-1f2e3d4c5b6a';
const sessionId = '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const absoluteExpiry = Math.floor(Date.now() / 1000) + 3600;

async function token(options: { secret?: string; salt?: string; maxAge?: number } = {}) {
  return encode({
    token: { uid: userId, sv: 3, sid: sessionId, abs: absoluteExpiry },
    secret: options.secret ?? authConfig.secret!,
    salt: options.salt ?? cookieName,
    maxAge: options.maxAge ?? 3600,
  });
}

describe('currentSession reads the Auth.js session cookie', () => {
  test('a cookie Auth.js issued gives the user id, session version and session id, as auth() did', async () => {
    requestState.cookies.set(cookieName, await token());
    expect(await currentSession()).toEqual({
      user: { id: userId },
      sessionVersion: 3,
      sessionId,
      expires: new Date(absoluteExpiry * 1000).toISOString(),
    });
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

  test('a cookie read before is read again from memory until its expiry, and not past it', async () => {
    requestState.cookies.set(cookieName, await token({ maxAge: 60 }));
    const first = await currentSession();
    expect(first?.sessionId).toBe(sessionId);
    expect(await currentSession()).toEqual(first);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 120_000);
      expect(await currentSession()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  test('a valid token under another cookie name is ignored', async () => {
    requestState.cookies.set('authjs.csrf-token', await token());
    requestState.cookies.set(`x-${cookieName}`, await token());
    expect(await currentSession()).toBeNull();
  });
});
