import { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { decode, encode } from 'next-auth/jwt';
import { describe, expect, test, vi } from 'vitest';

vi.hoisted(() => {
  // Set before auth.config is evaluated: it would otherwise generate a secret into a data folder.
  process.env.AUTH_SECRET = 'un secret de test qui ne sert qu’ici';
});

const { authConfig } = await import('@/auth.config');

/**
 * Auth.js's own session endpoint, for real (not the test double of `@/auth`): it re-encodes the JWT on every call,
 * which used to give any cookie, a stolen one included, a fresh 12 hours. A session now ends at the absolute
 * expiry fixed at sign-in, whatever is refreshed in between.
 */
const { handlers } = NextAuth(authConfig);
const COOKIE = 'authjs.session-token';
const secret = process.env.AUTH_SECRET!;
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function cookieFor(claims: Record<string, unknown>) {
  return encode({ token: claims, secret, salt: COOKIE, maxAge: 12 * 3600 });
}

async function askSession(cookie: string) {
  const response = await handlers.GET(
    new NextRequest('http://localhost:3231/api/auth/session', { headers: { cookie: `${COOKIE}=${cookie}` } }),
  );
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
  const reissued = setCookie?.slice(COOKIE.length + 1).split(';')[0] ?? '';
  return { body: await response.json(), reissued };
}

const claims = (abs: number) => ({
  uid: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  sv: 1,
  sid: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  abs,
});

describe("Auth.js's session endpoint never extends a session", () => {
  test('a refresh keeps the absolute expiry fixed at sign-in', async () => {
    const abs = nowSeconds() + 600;
    const { body, reissued } = await askSession(await cookieFor(claims(abs)));
    expect(body).toMatchObject({ user: { id: claims(abs).uid } });
    expect(new Date(body.expires).getTime()).toBeLessThanOrEqual(abs * 1000);
    const token = await decode({ token: reissued, secret, salt: COOKIE });
    expect(token).toMatchObject({ sid: claims(abs).sid, abs });
    expect(token!.exp).toBeLessThanOrEqual(abs);
  });

  test('past its absolute expiry a still-valid JWT gives no session and its cookie is cleared', async () => {
    const { body, reissued } = await askSession(await cookieFor(claims(nowSeconds() - 1)));
    expect(body).toBeNull();
    expect(reissued).toBe('');
  });

  test('a token without a session id or an absolute expiry (issued before sessions were recorded) gives no session', async () => {
    const { body } = await askSession(await cookieFor({ uid: claims(0).uid, sv: 1 }));
    expect(body).toBeNull();
  });
});
