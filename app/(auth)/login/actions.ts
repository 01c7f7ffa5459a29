'use server';

import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { revokeSessions } from '@/db/queries/sessions';
import { signInAction, userAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { safeCallbackPath } from '@/lib/http/safe-callback';

/**
 * The origin callback URLs are resolved against: AUTH_URL when set, else this request's host. Only a path ever
 * comes out of `safeCallbackPath`, so a forged Host header cannot send anyone elsewhere either.
 */
async function appOrigin(): Promise<string> {
  if (process.env.AUTH_URL) return process.env.AUTH_URL;
  const requestHeaders = await headers();
  const protocol = requestHeaders.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${protocol}://${requestHeaders.get('host') ?? 'localhost'}`;
}

export const signInWithPassword = signInAction({
  name: 'signInWithPassword',
  input: z.object({
    email: z.string().trim().max(254),
    password: z.string().max(256),
    callbackUrl: z.string().optional(),
  }),
  async handler(input) {
    try {
      const redirectTo = safeCallbackPath(input.callbackUrl, await appOrigin());
      await signIn('credentials', { email: input.email, password: input.password, redirectTo });
    } catch (error) {
      if (error instanceof AuthError) throw new ActionError('unauthenticated', 'signInFailed');
      throw error;
    }
    return null;
  },
});

/**
 * Signed-in only: an anonymous caller has no session to end and must not be able to fill the journal. The session
 * is revoked on the server, so a copy of the cookie taken before opens nothing afterwards.
 */
export const signOutCurrentSession = userAction({
  name: 'signOutCurrentSession',
  input: z.object({}),
  async handler({ tx, actor, audit }) {
    await revokeSessions(tx, { sessionId: actor.sessionId });
    await audit({ projectId: null, entity: 'session', entityId: actor.sessionId, action: 'sign_out' });
    return null;
  },
  async after() {
    await signOut({ redirectTo: '/login' });
  },
});
