import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { currentSession } from '@/auth';
import { getDb } from '@/db/client';
import { findSessionUser, type SessionUser } from '@/db/queries/users';

/**
 * The signed-in person for this request, checked against the database (session revoked or past its absolute
 * expiry, deactivation, session version). Cached for the request: the layouts, the page, its metadata and the i18n
 * request config share one cookie decode and one query.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await currentSession();
  if (!session?.user?.id || !session.sessionId) return null;
  return findSessionUser(getDb(), { userId: session.user.id, sessionVersion: session.sessionVersion, sessionId: session.sessionId });
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}
