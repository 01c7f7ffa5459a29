import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, loginThrottles, users } from '@/db/schema';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password-hash';
import { ACCOUNT_POLICY, ADDRESS_POLICY, isBlocked, recordFailure, type ThrottleState } from '@/lib/auth/throttle';

export interface SignInAttempt {
  email: string;
  password: string;
  address: string;
}

/**
 * Checks a password sign-in. Returns the user on success and null otherwise; the caller shows one generic
 * message whatever the reason (unknown account, wrong password, deactivated, throttled).
 */
export async function authenticateWithPassword(attempt: SignInAttempt, now = new Date()) {
  const db = getDb();
  const email = attempt.email.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const addressKey = `address:${attempt.address}`;

  const counters = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, [accountKey, addressKey]));
  const byKey = new Map<string, ThrottleState>(counters.map((c) => [c.key, c]));
  if (isBlocked(byKey.get(accountKey), now) || isBlocked(byKey.get(addressKey), now)) return null;

  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), attempt.password);
  const success = !!user && !!user.passwordHash && user.isActive && passwordOk;

  await db.transaction(async (tx) => {
    if (success) {
      await tx.delete(loginThrottles).where(eq(loginThrottles.key, accountKey));
    } else {
      for (const [key, policy] of [
        [accountKey, ACCOUNT_POLICY],
        [addressKey, ADDRESS_POLICY],
      ] as const) {
        const next = recordFailure(byKey.get(key), now, policy);
        await tx
          .insert(loginThrottles)
          .values({ key, ...next })
          .onConflictDoUpdate({ target: loginThrottles.key, set: next });
      }
    }
    await tx.insert(auditEvents).values({
      actorId: user?.id ?? null,
      entity: 'session',
      entityId: user?.id ?? email,
      action: success ? 'sign_in' : 'sign_in_failed',
      after: { address: attempt.address },
    });
  });

  return success ? { id: user.id, sessionVersion: user.sessionVersion } : null;
}
