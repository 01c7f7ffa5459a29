import type { NextAuthConfig } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { embeddedDataDir } from '@/db/config';
import { resolveAuthSecret } from '@/lib/auth/secret';
import { SESSION_LIFETIME_SECONDS, nowInSeconds, remainingLifetime, sessionClaimsOf } from '@/lib/auth/session-lifetime';

/**
 * The part of the Auth.js configuration the proxy shares: no database, no argon2. Sessions are JWTs carrying the
 * user id, the user's session version, the recorded session's id and its absolute expiry (SessionClaims); every
 * server-side read checks them against the database.
 */
export const authConfig = {
  secret: resolveAuthSecret({ env: process.env, dataDir: embeddedDataDir() }),
  // Callback URLs come from the Host header; set AUTH_URL in production behind a proxy you do not control.
  trustHost: true,
  useSecureCookies: process.env.NODE_ENV === 'production' && process.env.AUTH_INSECURE_COOKIES !== 'true',
  session: { strategy: 'jwt', maxAge: SESSION_LIFETIME_SECONDS },
  jwt: {
    // Auth.js re-encodes the token on every read of /api/auth/session with a fresh maxAge: cap it at the absolute
    // expiry fixed at sign-in, so no refresh outlives the session.
    encode(params) {
      const claims = sessionClaimsOf(params.token);
      const maxAge = claims ? remainingLifetime(claims.abs, nowInSeconds(), params.maxAge) : 0;
      return encode({ ...params, maxAge });
    },
  },
  pages: { signIn: '/login' },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        return { ...token, uid: user.id, sv: user.sessionVersion, sid: user.sessionId, abs: user.sessionExpiresAt };
      }
      // A refresh: a token without the claims, or past its absolute expiry, ends here (Auth.js clears the cookie).
      const claims = sessionClaimsOf(token);
      if (!claims || remainingLifetime(claims.abs, nowInSeconds()) === 0) return null;
      return token;
    },
    session({ session, token }) {
      const claims = sessionClaimsOf(token);
      return {
        expires: claims ? new Date(claims.abs * 1000).toISOString() : session.expires,
        user: { id: claims?.uid ?? '' },
        sessionVersion: claims?.sv ?? -1,
        sessionId: claims?.sid ?? '',
      } as typeof session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is not a server error: it is answered, throttled and audited elsewhere. Auth.js's `type`
      // is a string constant; `name` is the class name, which the production build minifies.
      if ((error as { type?: unknown }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
} satisfies NextAuthConfig;
