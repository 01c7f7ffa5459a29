import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from '@/auth.config';
import { getDb } from '@/db/client';
import { revokeSessions } from '@/db/queries/sessions';
import { authorizeCredentials } from '@/db/queries/sign-in';
import { nowInSeconds, sessionClaimsOf } from '@/lib/auth/session-lifetime';

export const { handlers, auth, signIn, signOut } = NextAuth({
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
