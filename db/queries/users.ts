import 'server-only';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sessions, users } from '@/db/schema';

/** What the app knows of the signed-in person; never the password hash. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  locale: 'fr' | 'en';
  isAdmin: boolean;
  version: number;
  /** The recorded session this request belongs to (what signing out revokes). */
  sessionId: string;
}

export interface SessionKey {
  userId: string;
  sessionVersion: number;
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session is valid only while its row is neither revoked nor past its absolute expiry, the account is active
 * and its session version still matches the token's: one query for all of it, on every request.
 */
export async function findSessionUser(db: Executor, key: SessionKey): Promise<SessionUser | null> {
  if (!UUID.test(key.userId) || !UUID.test(key.sessionId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      isAdmin: users.isAdmin,
      version: users.version,
      sessionId: sessions.id,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, key.sessionId),
        eq(sessions.userId, key.userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.isActive, true),
        eq(users.sessionVersion, key.sessionVersion),
      ),
    )
    .limit(1);
  if (!row) return null;
  return { ...row, locale: row.locale === 'en' ? 'en' : 'fr' };
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, isActive: users.isActive })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** Instance administration: every account, without secrets. */
export async function listUsers(db: Executor) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isAdmin: users.isAdmin,
      isActive: users.isActive,
      isProjectCreator: users.isProjectCreator,
      pseudonymized: sql<boolean>`${users.pseudonymizedAt} is not null`,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.name));
}
