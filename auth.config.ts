import type { NextAuthConfig } from 'next-auth';
import { embeddedDataDir } from '@/db/config';
import { resolveAuthSecret } from '@/lib/auth/secret';

/**
 * The part of the Auth.js configuration the proxy shares: no database, no argon2. Sessions are JWTs carrying the
 * user id and the user's session version; every server-side read checks that version against the database.
 */
export const authConfig = {
  secret: resolveAuthSecret({ env: process.env, dataDir: embeddedDataDir() }),
  // Callback URLs come from the Host header; set AUTH_URL in production behind a proxy you do not control.
  trustHost: true,
  useSecureCookies: process.env.NODE_ENV === 'production' && process.env.AUTH_INSECURE_COOKIES !== 'true',
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return {
        expires: session.expires,
        user: { id: typeof token.uid === 'string' ? token.uid : '' },
        sessionVersion: typeof token.sv === 'number' ? token.sv : -1,
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
