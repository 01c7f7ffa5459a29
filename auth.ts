import NextAuth from 'next-auth';
import { getToken, type JWT } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { authConfig } from '@/auth.config';
import { getDb } from '@/db/client';
import { revokeSessions } from '@/db/queries/sessions';
import { authorizeCredentials } from '@/db/queries/sign-in';
import { sessionCookieHeader } from '@/lib/auth/session-cookie';
import { nowInSeconds, sessionClaimsOf } from '@/lib/auth/session-lifetime';

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const user = await authorizeCredentials(credentials, request.headers);
        if (!user) return null;
        return {
          id: user.id,
          sessionVersion: user.sessionVersion,
          sessionId: user.sessionId,
          sessionExpiresAt: nowInSeconds(user.sessionExpiresAt.getTime()),
        };
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out endpoint ends the recorded session too (the app's sign-out action revokes it itself).
    async signOut(message) {
      const claims = 'token' in message ? sessionClaimsOf(message.token) : null;
      if (claims) await revokeSessions(getDb(), { sessionId: claims.sid });
    },
  },
});

/**
 * Session cookies already decoded by this process, by value. Decoding is a pure function of the cookie and the
 * secret (HKDF, AES-CBC and HMAC: about a tenth of a signed-in page's CPU), so a cookie seen before is not decrypted
 * again. Nothing here decides on its own: the token's expiry is checked on every read, and revocation, deactivation
 * and the session version are checked against the database by getCurrentUser on every request. Only decodings that
 * succeeded are kept; bounded, the oldest out first.
 */
const decodedTokens = new Map<string, JWT>();
const DECODED_TOKENS_LIMIT = 1000;

async function decodeSessionCookie(cookie: string): Promise<JWT | null> {
  const known = decodedTokens.get(cookie);
  if (known) return known;
  const token = await getToken({ req: { headers: { cookie } }, secret: authConfig.secret, secureCookie: authConfig.useSecureCookies });
  if (!token || typeof token.exp !== 'number') return null;
  if (decodedTokens.size >= DECODED_TOKENS_LIMIT) decodedTokens.delete(decodedTokens.keys().next().value!);
  decodedTokens.set(cookie, token);
  return token;
}

/**
 * This request's session, read from its cookie: the check Auth.js's `auth()` makes (the JWE decrypted with the
 * secret and the cookie name as salt, its expiry enforced) and the claims mapped by the same `session` callback.
 * `auth()` in a server component also runs Auth.js's whole request handler on every call: it mints and hashes a CSRF
 * token and re-encrypts the session for a cookie a server component cannot set, about two thirds of its cost, on
 * every page. Only the cookie is read (not an `Authorization: Bearer` header, which `getToken` would also accept).
 */
export async function currentSession() {
  const cookie = sessionCookieHeader((await cookies()).getAll());
  if (!cookie) return null;
  const token = await decodeSessionCookie(cookie);
  if (!token || (token.exp as number) <= nowInSeconds()) return null;
  return authConfig.callbacks.session({ session: { expires: new Date((token.exp as number) * 1000).toISOString() }, token } as never);
}
