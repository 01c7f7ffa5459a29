import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from '@/auth.config';
import { authorizeCredentials } from '@/db/queries/sign-in';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const user = await authorizeCredentials(credentials, request.headers);
        return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
});
