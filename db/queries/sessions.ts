import 'server-only';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sessions } from '@/db/schema';
import { SESSION_LIFETIME_SECONDS } from '@/lib/auth/session-lifetime';

/** Records a sign-in; its absolute expiry is fixed here. Ended sessions of the account are dropped on the way. */
export async function startSession(db: Executor, userId: string, now = new Date()) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  const [session] = await db
    .insert(sessions)
    .values({ userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000) })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  return session!;
}

/** Ends one session (signing out) or all of an account's (sign-out everywhere, password change, deactivation). */
export async function revokeSessions(db: Executor, target: { sessionId: string } | { userId: string }) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(isNull(sessions.revokedAt), 'sessionId' in target ? eq(sessions.id, target.sessionId) : eq(sessions.userId, target.userId)),
    );
}
