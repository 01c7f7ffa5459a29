import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, loginThrottles, users } from '@/db/schema';
import { startSession } from '@/db/queries/sessions';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password-hash';
import { ACCOUNT_POLICY, ADDRESS_POLICY, isBlocked, recordFailure } from '@/lib/auth/throttle';

export interface SignInAttempt {
  email: string;
  password: string;
  address: string;
}

const NEVER = new Date(0);

/**
 * Checks a password sign-in. Returns the user and the session recorded for this sign-in on success, null otherwise; the caller shows one generic
 * message whatever the reason (unknown account, wrong password, deactivated, throttled).
 *
 * The account's and the address's counter rows are locked for the whole check, so concurrent attempts on one
 * account run one after another and each sees the failures before it: firing guesses in parallel gains nothing.
 */
export async function authenticateWithPassword(attempt: SignInAttempt, now = new Date()) {
  const email = attempt.email.trim().toLowerCase();
  const keys = [`account:${email}`, `address:${attempt.address}`].sort();
  const policyOf = (key: string) => (key.startsWith('account:') ? ACCOUNT_POLICY : ADDRESS_POLICY);

  return getDb().transaction(async (tx) => {
    await tx
      .insert(loginThrottles)
      .values(keys.map((key) => ({ key, failures: 0, lastFailureAt: NEVER })))
      .onConflictDoNothing();
    const counters = await tx
      .select()
      .from(loginThrottles)
      .where(inArray(loginThrottles.key, keys))
      .orderBy(asc(loginThrottles.key))
      .for('update');

    const [user] = await tx
      .select({
        id: users.id,
        passwordHash: users.passwordHash,
        isActive: users.isActive,
        sessionVersion: users.sessionVersion,
      })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    const audit = (action: string) =>
      tx.insert(auditEvents).values({
        actorId: user?.id ?? null,
        entity: 'session',
        // Never the text typed for an unknown account: it may be someone's (former) e-mail, and the journal is forever.
        entityId: user?.id ?? 'unknown-account',
        action,
        after: { address: attempt.address },
      });

    if (counters.some((c) => isBlocked(c, now))) {
      await audit('sign_in_throttled');
      return null;
    }

    const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), attempt.password);
    const success = !!user && !!user.passwordHash && user.isActive && passwordOk;

    if (success) {
      // The account starts afresh; an address keeps its count (other accounts may be guessed from it).
      const forget = counters.filter((c) => c.key.startsWith('account:') || c.failures === 0).map((c) => c.key);
      await tx.delete(loginThrottles).where(inArray(loginThrottles.key, forget));
    } else {
      for (const counter of counters) {
        const next = recordFailure(counter.failures > 0 ? counter : undefined, now, policyOf(counter.key));
        await tx.update(loginThrottles).set(next).where(eq(loginThrottles.key, counter.key));
      }
    }
    await audit(success ? 'sign_in' : 'sign_in_failed');
    if (!success) return null;
    const session = await startSession(tx, user.id, now);
    return { id: user.id, sessionVersion: user.sessionVersion, sessionId: session.id, sessionExpiresAt: session.expiresAt };
  });
}
