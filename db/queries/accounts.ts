import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { revokeSessions } from '@/db/queries/sessions';
import { throttleKey } from '@/db/queries/sign-in';
import { loginThrottles, passwordTokens, users } from '@/db/schema';
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

/** The account's state for the administration actions that refuse a pseudonymized account; locks the row. */
export async function lockAccount(db: Executor, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      pseudonymizedAt: users.pseudonymizedAt,
      isActive: users.isActive,
      isAdmin: users.isAdmin,
      isProjectCreator: users.isProjectCreator,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row ?? null;
}

/**
 * RGPD erasure without touching the journal: the name and e-mail are replaced by a pseudonym derived from the id,
 * the account is closed (deactivated, no password, no rights, sessions and links ended), and the sign-in counter
 * keyed by the old e-mail goes. Audit rows name people by id, so they then show the pseudonym.
 */
/** The name and e-mail an account takes when pseudonymized: derived from its id, so distinct and stable. */
export function pseudonymOf(userId: string) {
  return { name: `Compte pseudonymisé ${userId.slice(0, 8)}`, email: `pseudonymise-${userId}@pseudonyme.invalid` };
}

export async function pseudonymizeAccount(db: Executor, account: { id: string; email: string }) {
  await db
    .update(users)
    .set({
      ...pseudonymOf(account.id),
      passwordHash: null,
      isActive: false,
      isAdmin: false,
      isProjectCreator: false,
      pseudonymizedAt: new Date(),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, account.id));
  await db.delete(passwordTokens).where(eq(passwordTokens.userId, account.id));
  await db.delete(loginThrottles).where(eq(loginThrottles.key, throttleKey('account', account.email)));
  await revokeSessions(db, { userId: account.id });
}
