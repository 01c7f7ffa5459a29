'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { revokeSessions } from '@/db/queries/sessions';
import { signInAction, userAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';

/** Only same-site paths: an attacker's link must not turn the sign-in page into an open redirect. */
const callbackSchema = z
  .string()
  .optional()
  .transform((value) => (value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/projects'));

export const signInWithPassword = signInAction({
  name: 'signInWithPassword',
  input: z.object({
    email: z.string().trim().max(254),
    password: z.string().max(256),
    callbackUrl: callbackSchema,
  }),
  async handler(input) {
    try {
      await signIn('credentials', { email: input.email, password: input.password, redirectTo: input.callbackUrl });
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
