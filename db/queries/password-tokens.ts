import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { passwordTokens, users } from '@/db/schema';
import { hashToken } from '@/lib/auth/tokens';

/** Whose one-time link this is, while it is unused and unexpired; null otherwise. */
export async function findUsableSetupLink(db: Executor, token: string) {
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, hashToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, new Date()),
        eq(users.isActive, true),
      ),
    )
    .limit(1);
  return row ?? null;
}
