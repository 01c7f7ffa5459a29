import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { passwordTokens, users } from '@/db/schema';
import { SETUP_LINK_TTL_MS, setupLinkPath } from '@/lib/auth/setup-link';
import { newOneTimeToken } from '@/lib/auth/tokens';

/** A new one-time link to choose a password; it replaces older ones, so only the latest handed-over link works. */
export async function issueSetupLink(db: Executor, userId: string, createdBy: string | null): Promise<string> {
  await db.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
  const { token, tokenHash } = newOneTimeToken();
  await db.insert(passwordTokens).values({ userId, tokenHash, expiresAt: new Date(Date.now() + SETUP_LINK_TTL_MS), createdBy });
  return setupLinkPath(token);
}

/** An account without a password yet, and the link its owner will use to choose one. Callers write the audit row. */
export async function createAccountWithSetupLink(
  db: Executor,
  account: { email: string; name: string; isAdmin?: boolean; createdBy?: string | null },
) {
  const [created] = await db
    .insert(users)
    .values({ email: account.email.trim().toLowerCase(), name: account.name, isAdmin: account.isAdmin ?? false })
    .returning({ id: users.id, name: users.name, email: users.email });
  const setupLink = await issueSetupLink(db, created!.id, account.createdBy ?? null);
  return { user: created!, setupLink };
}
