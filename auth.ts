import NextAuth from 'next-auth';
import { getToken } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { authConfig } from '@/auth.config';
import { getDb } from '@/db/client';
import { revokeSessions } from '@/db/queries/sessions';
import { authorizeCredentials } from '@/db/queries/sign-in';
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
 * This request's session, read from its cookie: the check Auth.js's `auth()` makes (the JWE decrypted with the
 * secret and the cookie name as salt, its expiry enforced) and the claims mapped by the same `session` callback.
 * `auth()` in a server component also runs Auth.js's whole request handler on every call: it mints and hashes a CSRF
 * token and re-encrypts the session for a cookie a server component cannot set, about two thirds of its cost, on
 * every page. Only the cookie is read (not an `Authorization: Bearer` header, which `getToken` would also accept).
 */
export async function currentSession() {
  const cookie = (await cookies())
    .getAll()
    .map(({ name, value }) => `${name}=${value}`)
    .join('; ');
  const token = await getToken({ req: { headers: { cookie } }, secret: authConfig.secret, secureCookie: authConfig.useSecureCookies });
  if (!token || typeof token.exp !== 'number') return null;
  return authConfig.callbacks.session({ session: { expires: new Date(token.exp * 1000).toISOString() }, token } as never);
}
