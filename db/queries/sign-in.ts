import 'server-only';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { startSession } from '@/db/queries/sessions';
import { auditEvents, loginThrottles, users } from '@/db/schema';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password-hash';
import { ACCOUNT_POLICY, ADDRESS_POLICY, isBlocked, recordFailure } from '@/lib/auth/throttle';
import { clientAddress } from '@/lib/http/client-address';
import { isStorableText } from '@/lib/text/storable-text';

export interface SignInAttempt {
  email: string;
  password: string;
  address: string;
}

/** The sign-in form's limits (RFC 5321 for an address; the password field's maximum). */
export const SIGN_IN_LIMITS = { email: 254, password: 256 } as const;

const NEVER = new Date(0);

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The counter row of an account (by its normalized e-mail) or of a client address. Whatever was typed, the key
 * has a fixed length: an e-mail is stored as its SHA-256, and anything that is not an IP address is one shared
 * bucket, so an anonymous caller cannot grow keys or pick an unlimited number of address buckets.
 */
export function throttleKey(kind: 'account' | 'address', value: string): string {
  if (kind === 'account') return `account:${digest(value.trim().toLowerCase())}`;
  return `address:${normalizeAddress(value)}`;
}

function normalizeAddress(address: string): string {
  return isIP(address) ? address : 'unknown';
}

/**
 * Counters quiet for longer than the policy forgets them are worth nothing: each attempt deletes them, so the table
 * holds at most the last hour's attempts (and the empty rows of attempts that stopped early). Rows another attempt
 * holds are skipped, never waited for.
 */
async function pruneStaleCounters(tx: Transaction, now: Date) {
  const cutoff = new Date(now.getTime() - Math.max(ACCOUNT_POLICY.forgetAfterMs, ADDRESS_POLICY.forgetAfterMs));
  const stale = tx
    .select({ key: loginThrottles.key })
    .from(loginThrottles)
    .where(
      and(
        lt(loginThrottles.lastFailureAt, cutoff),
        or(isNull(loginThrottles.blockedUntil), lt(loginThrottles.blockedUntil, now)),
      ),
    )
    .for('update', { skipLocked: true });
  await tx.delete(loginThrottles).where(inArray(loginThrottles.key, stale));
}

/** Creates the counter row if missing and locks it for the rest of the attempt. */
async function lockCounter(tx: Transaction, key: string) {
  await tx.insert(loginThrottles).values({ key, failures: 0, lastFailureAt: NEVER }).onConflictDoNothing();
  const [counter] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).for('update');
  return counter!;
}

type ThrottledCheck = 'ok' | 'failed' | 'address_blocked' | 'account_blocked';

/**
 * One password check under the sign-in throttle, for signing in and for re-entering a password to sign (issue 9).
 * The address's and then the account's counter rows are locked for the whole check (always in that order, so two
 * attempts cannot deadlock), so concurrent attempts on one account run one after another and each sees the
 * failures before it: firing guesses in parallel gains nothing. An address that is blocked writes nothing more —
 * no account counter — so a flood of made-up e-mails from one address stays a few rows.
 */
async function throttledCheck(
  tx: Transaction,
  email: string,
  address: string,
  check: () => Promise<boolean>,
  now: Date,
): Promise<ThrottledCheck> {
  await pruneStaleCounters(tx, now);
  const addressCounter = await lockCounter(tx, throttleKey('address', address));
  if (isBlocked(addressCounter, now)) return 'address_blocked';
  const accountCounter = await lockCounter(tx, throttleKey('account', email));
  if (isBlocked(accountCounter, now)) return 'account_blocked';

  const success = await check();
  const counters = [
    { counter: addressCounter, policy: ADDRESS_POLICY },
    { counter: accountCounter, policy: ACCOUNT_POLICY },
  ];
  if (success) {
    // The account starts afresh; an address keeps its count (other accounts may be guessed from it).
    const forget = counters.filter(({ counter, policy }) => policy === ACCOUNT_POLICY || counter.failures === 0);
    await tx.delete(loginThrottles).where(inArray(loginThrottles.key, forget.map(({ counter }) => counter.key)));
  } else {
    for (const { counter, policy } of counters) {
      const next = recordFailure(counter.failures > 0 ? counter : undefined, now, policy);
      await tx.update(loginThrottles).set(next).where(eq(loginThrottles.key, counter.key));
    }
  }
  return success ? 'ok' : 'failed';
}

/**
 * Checks a password sign-in. Returns the user and the session recorded for this sign-in on success, null otherwise; the caller shows one generic
 * message whatever the reason (unknown account, wrong password, deactivated, throttled).
 */
export async function authenticateWithPassword(attempt: SignInAttempt, now = new Date()) {
  // Before any hashing or database work: argon2 over a multi-megabyte password is a cheap denial of service.
  if (attempt.email.length > SIGN_IN_LIMITS.email || attempt.password.length > SIGN_IN_LIMITS.password) return null;
  // No account's e-mail or password holds a NUL or a broken surrogate (the wrappers refuse them); the database would fail on it.
  if (!isStorableText(attempt.email) || !isStorableText(attempt.password)) return null;
  const email = attempt.email.trim().toLowerCase();
  const address = normalizeAddress(attempt.address);

  return getDb().transaction(async (tx) => {
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
    // Never the text typed for an unknown account (nor a digest of it): it may be a password typed in the wrong
    // field or someone's former e-mail, and the journal is forever.
    const audit = (action: string) =>
      tx.insert(auditEvents).values({
        actorId: user?.id ?? null,
        entity: 'session',
        entityId: user?.id ?? 'unknown-account',
        action,
        after: { address },
      });

    const outcome = await throttledCheck(
      tx,
      email,
      address,
      async () => {
        const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), attempt.password);
        return !!user && !!user.passwordHash && user.isActive && passwordOk;
      },
      now,
    );
    if (outcome === 'address_blocked') return null;
    if (outcome === 'account_blocked') {
      // A real account under attack is worth a journal entry; a made-up one would only fill the journal.
      if (user) await audit('sign_in_throttled');
      return null;
    }
    await audit(outcome === 'ok' ? 'sign_in' : 'sign_in_failed');
    if (outcome !== 'ok' || !user) return null;
    const session = await startSession(tx, user.id, now);
    return { id: user.id, sessionVersion: user.sessionVersion, sessionId: session.id, sessionExpiresAt: session.expiresAt };
  });
}

/**
 * A signed-in person re-entering their password (to sign, issue 9), in the caller's transaction and under the same
 * throttle as sign-in: the same counters, so guesses made here and at the sign-in form add up. The caller journals
 * the outcome and must commit the failures' counters too.
 */
export async function confirmPassword(
  tx: Transaction,
  userId: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<'ok' | 'failed' | 'throttled'> {
  if (password.length > SIGN_IN_LIMITS.password || !isStorableText(password)) return 'failed';
  const [user] = await tx
    .select({ email: users.email, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return 'failed';
  const outcome = await throttledCheck(
    tx,
    user.email.trim().toLowerCase(),
    normalizeAddress(address),
    async () => {
      const passwordOk = await verifyPassword(user.passwordHash ?? (await decoyPasswordHash()), password);
      return !!user.passwordHash && user.isActive && passwordOk;
    },
    now,
  );
  if (outcome === 'ok') return 'ok';
  return outcome === 'failed' ? 'failed' : 'throttled';
}

/** The Auth.js credentials callback: text fields only, from the address the request came from. */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, headers: Headers) {
  const { email, password } = credentials;
  if (typeof email !== 'string' || typeof password !== 'string') return null;
  return authenticateWithPassword({ email, password, address: clientAddress(headers) });
}
