import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';

/** What the app knows of the signed-in person; never the password hash. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  locale: 'fr' | 'en';
  isAdmin: boolean;
  version: number;
}

/** The session is valid only while the account is active and its session version still matches the token's. */
export async function findSessionUser(db: Executor, userId: string, sessionVersion: number): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      isAdmin: users.isAdmin,
      version: users.version,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true), eq(users.sessionVersion, sessionVersion)))
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
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.name));
}
