import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from '@/auth.config';
import { authenticateWithPassword } from '@/db/queries/sign-in';
import { clientAddress } from '@/lib/http/client-address';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials.email === 'string' ? credentials.email : '';
        const password = typeof credentials.password === 'string' ? credentials.password : '';
        const user = await authenticateWithPassword({ email, password, address: clientAddress(request.headers) });
        return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
});
