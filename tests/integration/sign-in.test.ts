import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import { signInWithPassword, signOutCurrentSession } from '@/app/(auth)/login/actions';
import { getDb } from '@/db/client';
import { authenticateWithPassword, authorizeCredentials, throttleKey } from '@/db/queries/sign-in';
import { loginThrottles } from '@/db/schema';
import { errorMessage } from '@/lib/actions/messages';
import { ACCOUNT_POLICY, ADDRESS_POLICY } from '@/lib/auth/throttle';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { getCurrentUser } from '@/lib/session/current-user';
import { TEST_PASSWORD, actAs, createUser, unique } from '../setup/actors';
import { auditRowsSince, countRows, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import { redirectTarget } from '../setup/redirect';
import { requestState } from '../setup/request-state';

const t0 = new Date('2030-03-01T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
let addressCounter = 0;
/** Each test signs in from its own address so the per-address counters of one test never touch another. */
const newAddress = () => `192.0.2.${(addressCounter += 1)}`;

async function throttleRow(key: string) {
  const [row] = await getDb().select().from(loginThrottles).where(eq(loginThrottles.key, key));
  return row ?? null;
}

async function failRepeatedly(email: string, address: string, times: number, now: Date) {
  for (let i = 0; i < times; i += 1) {
    expect(await authenticateWithPassword({ email, password: 'mauvais mot de passe', address }, now)).toBeNull();
  }
}

describe('authenticateWithPassword', () => {
  test('the right password signs in, whatever the case of the e-mail, and is audited', async () => {
    const user = await createUser();
    const address = newAddress();
    const since = await maxAuditId();
    const result = await authenticateWithPassword({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD, address }, t0);
    // A session is recorded for this sign-in, ending 12 hours later whatever happens in between.
    expect(result).toEqual({ id: user.id, sessionVersion: 1, sessionId: expect.any(String), sessionExpiresAt: at(12 * 3600_000) });
    expect(await queryRows(sql`select user_id, expires_at, revoked_at from sessions where id = ${result!.sessionId}`)).toEqual([
      { user_id: user.id, expires_at: expect.anything(), revoked_at: null },
    ]);
    const rows = await queryRows<{ actor_id: string; entity: string; entity_id: string; action: string; after: unknown }>(
      sql`select actor_id, entity, entity_id, action, after from audit_events where id > ${since}`,
    );
    expect(rows).toEqual([{ actor_id: user.id, entity: 'session', entity_id: user.id, action: 'sign_in', after: { address } }]);
  });

  test('a wrong password is refused, counted and audited', async () => {
    const user = await createUser();
    const address = newAddress();
    const since = await maxAuditId();
    expect(await authenticateWithPassword({ email: user.email, password: 'pas le bon', address }, t0)).toBeNull();
    expect(await auditRowsSince(since)).toEqual([
      { actor_id: user.id, project_id: null, entity: 'session', entity_id: user.id, action: 'sign_in_failed' },
    ]);
    expect(await throttleRow(throttleKey('account', user.email))).toMatchObject({ failures: 1, blockedUntil: null });
    expect(await throttleRow(throttleKey('address', address))).toMatchObject({ failures: 1, blockedUntil: null });
  });

  test('an unknown account is refused like a wrong password, and counted too', async () => {
    const email = `${unique('ghost')}@example.test`;
    const address = newAddress();
    const since = await maxAuditId();
    expect(await authenticateWithPassword({ email, password: TEST_PASSWORD, address }, t0)).toBeNull();
    // The journal does not keep what was typed (it may be a password typed in the wrong field), nor a digest of it.
    expect(await auditRowsSince(since)).toEqual([
      { actor_id: null, project_id: null, entity: 'session', entity_id: 'unknown-account', action: 'sign_in_failed' },
    ]);
    expect(await throttleRow(throttleKey('account', email))).toMatchObject({ failures: 1 });
  });

  test('a deactivated account is refused even with the right password', async () => {
    const user = await createUser({ isActive: false });
    expect(await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD, address: newAddress() }, t0)).toBeNull();
  });

  test('an account whose password was never set is refused', async () => {
    const user = await createUser({ password: null });
    expect(await authenticateWithPassword({ email: user.email, password: '', address: newAddress() }, t0)).toBeNull();
    expect(await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD, address: newAddress() }, t0)).toBeNull();
  });

  test('after the free attempts an account is blocked, even for the right password, then unblocked after the delay', async () => {
    const user = await createUser();
    const accountKey = throttleKey('account', user.email);
    await failRepeatedly(user.email, newAddress(), ACCOUNT_POLICY.freeAttempts - 1, t0);
    expect((await throttleRow(accountKey))!.blockedUntil).toBeNull();

    await failRepeatedly(user.email, newAddress(), 1, t0);
    expect(await throttleRow(accountKey)).toMatchObject({ failures: ACCOUNT_POLICY.freeAttempts, blockedUntil: at(ACCOUNT_POLICY.baseDelayMs) });

    // Blocked: refused without the password being checked, from any address; the account's counter is left alone
    // and the refusal is journaled.
    const right = { email: user.email, password: TEST_PASSWORD, address: newAddress() };
    const counterBefore = await throttleRow(accountKey);
    const since = await maxAuditId();
    expect(await authenticateWithPassword(right, at(ACCOUNT_POLICY.baseDelayMs - 1))).toBeNull();
    expect(await throttleRow(accountKey)).toEqual(counterBefore);
    expect((await auditRowsSince(since)).map((row) => row.action)).toEqual(['sign_in_throttled']);

    expect(await authenticateWithPassword(right, at(ACCOUNT_POLICY.baseDelayMs))).toMatchObject({ id: user.id, sessionVersion: 1 });
    expect(await throttleRow(accountKey)).toBeNull();
  });

  test('guesses fired in parallel cannot slip past the throttle', async () => {
    const user = await createUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        authenticateWithPassword({ email: user.email, password: 'pas le bon', address: newAddress() }, t0),
      ),
    );
    expect(results.every((r) => r === null)).toBe(true);
    // Attempts on one account run one after another: the free ones count, every later one is refused unchecked.
    expect(await throttleRow(throttleKey('account', user.email))).toMatchObject({ failures: ACCOUNT_POLICY.freeAttempts });
  });

  test('each further failure doubles the delay', async () => {
    const user = await createUser();
    const accountKey = throttleKey('account', user.email);
    const address = newAddress();
    await failRepeatedly(user.email, address, ACCOUNT_POLICY.freeAttempts, t0);
    let now = at(ACCOUNT_POLICY.baseDelayMs);
    for (const expectedDelay of [2_000, 4_000, 8_000]) {
      await failRepeatedly(user.email, address, 1, now);
      const row = await throttleRow(accountKey);
      expect(row!.blockedUntil!.getTime() - now.getTime()).toBe(expectedDelay);
      now = row!.blockedUntil!;
    }
  });

  test('failures are forgotten after a quiet hour', async () => {
    const user = await createUser();
    const address = newAddress();
    await failRepeatedly(user.email, address, ACCOUNT_POLICY.freeAttempts - 1, t0);
    const later = at(ACCOUNT_POLICY.forgetAfterMs + 1);
    await failRepeatedly(user.email, address, 1, later);
    expect(await throttleRow(throttleKey('account', user.email))).toMatchObject({ failures: 1, blockedUntil: null, lastFailureAt: later });
  });

  test('an address trying many accounts is throttled on its own, without blocking those accounts elsewhere', async () => {
    const victim = await createUser();
    const address = newAddress();
    for (let i = 0; i < ADDRESS_POLICY.freeAttempts; i += 1) {
      await failRepeatedly(`${unique('spray')}@example.test`, address, 1, t0);
    }
    expect(await throttleRow(throttleKey('address', address))).toMatchObject({
      failures: ADDRESS_POLICY.freeAttempts,
      blockedUntil: at(ADDRESS_POLICY.baseDelayMs),
    });
    expect(await authenticateWithPassword({ email: victim.email, password: TEST_PASSWORD, address }, t0)).toBeNull();
    expect(await authenticateWithPassword({ email: victim.email, password: TEST_PASSWORD, address: newAddress() }, t0)).toMatchObject({
      id: victim.id,
    });
    expect(await authenticateWithPassword({ email: victim.email, password: TEST_PASSWORD, address }, at(ADDRESS_POLICY.baseDelayMs))).toMatchObject({
      id: victim.id,
    });
  });
});

describe('signInWithPassword (the sign-in form action)', () => {
  beforeEach(() => {
    requestState.address = newAddress();
  });

  test('the right password signs the browser in and redirects to the projects', async () => {
    const user = await createUser();
    expect(await redirectTarget(() => signInWithPassword({ email: user.email, password: TEST_PASSWORD }))).toBe('/projects');
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  test('the callback URL is followed only when it stays on this site', async () => {
    const user = await createUser();
    const signInTo = (callbackUrl: string) =>
      redirectTarget(() => signInWithPassword({ email: user.email, password: TEST_PASSWORD, callbackUrl }));
    expect(await signInTo('/projects/PAIE/settings')).toBe('/projects/PAIE/settings');
    expect(await signInTo('/projects/PAIE/requirements?q=paie#liste')).toBe('/projects/PAIE/requirements?q=paie#liste');
    const hostile = ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)'];
    // Confirmed in Chromium before the fix: a tab (or newline) between the slashes is dropped by the browser.
    hostile.push('/\t/evil.example/', '/\n/evil.example/', '\\/evil.example', '/x/..//evil.example/');
    for (const callbackUrl of hostile) {
      expect(await signInTo(callbackUrl), JSON.stringify(callbackUrl)).toBe('/projects');
    }
  });

  test('one generic answer whatever went wrong: wrong password, unknown account, deactivated, throttled', async () => {
    const user = await createUser();
    const inactive = await createUser({ isActive: false });
    const generic = { ok: false, code: 'unauthenticated', message: errorMessage('fr', 'signInFailed') };
    expect(generic.message).not.toBe(errorMessage('fr', 'server_error'));

    expect(await signInWithPassword({ email: user.email, password: 'pas le bon' })).toEqual(generic);
    expect(await signInWithPassword({ email: 'personne@example.test', password: TEST_PASSWORD })).toEqual(generic);
    expect(await signInWithPassword({ email: inactive.email, password: TEST_PASSWORD })).toEqual(generic);
    for (let i = 0; i < ACCOUNT_POLICY.freeAttempts; i += 1) await signInWithPassword({ email: user.email, password: 'pas le bon' });
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD })).toEqual(generic);
    expect(requestState.session).toBeNull();
  });

  test('answers in the language chosen in this browser', async () => {
    requestState.cookies.set(LOCALE_COOKIE, 'en');
    const result = await signInWithPassword({ email: 'personne@example.test', password: 'x' });
    expect(result).toEqual({ ok: false, code: 'unauthenticated', message: errorMessage('en', 'signInFailed') });
    expect(errorMessage('en', 'signInFailed')).not.toBe(errorMessage('fr', 'signInFailed'));
  });

  test('malformed input is invalid and never reaches the password check', async () => {
    const before = await snapshotTables();
    expect(await signInWithPassword({ email: 42, password: TEST_PASSWORD } as never)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await signInWithPassword({ email: 'a@b.test', password: 'x'.repeat(257) })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await snapshotTables()).toEqual(before);
  });

  test('FormData from the sign-in form works', async () => {
    const user = await createUser();
    const form = new FormData();
    form.set('email', user.email);
    form.set('password', TEST_PASSWORD);
    form.set('callbackUrl', '/profile');
    expect(await redirectTarget(() => signInWithPassword(form))).toBe('/profile');
  });
});

describe('signOutCurrentSession', () => {
  test('ends this session, audits it and goes back to the sign-in page', async () => {
    const user = await createUser();
    const session = await actAs(user);
    const since = await maxAuditId();
    expect(await redirectTarget(() => signOutCurrentSession({}))).toBe('/login');
    expect(requestState.session).toBeNull();
    expect(await auditRowsSince(since)).toEqual([
      { actor_id: user.id, project_id: null, entity: 'session', entity_id: session!.sessionId, action: 'sign_out' },
    ]);
    const [row] = await queryRows<{ revoked_at: unknown }>(sql`select revoked_at from sessions where id = ${session!.sessionId}`);
    expect(row!.revoked_at).not.toBeNull();
  });

  test('refuses a caller with no session and writes nothing', async () => {
    await actAs(null);
    const before = await snapshotTables();
    expect(await signOutCurrentSession({})).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await snapshotTables()).toEqual(before);
  });
});

describe('what anonymous sign-in attempts can cost and write', () => {
  const huge = 'x'.repeat(5 * 1024 * 1024);

  test('over-long e-mails and passwords are refused before any hashing or database work', async () => {
    const user = await createUser();
    const before = await snapshotTables();
    const started = performance.now();
    for (const attempt of [
      { email: user.email, password: huge },
      { email: user.email, password: 'x'.repeat(257) },
      { email: `${'a'.repeat(250)}@example.test`, password: TEST_PASSWORD },
      { email: huge, password: TEST_PASSWORD },
    ]) {
      expect(await authenticateWithPassword({ ...attempt, address: newAddress() }, t0)).toBeNull();
    }
    // Four refusals with no argon2 run (each takes tens of milliseconds) and nothing written.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await snapshotTables()).toEqual(before);
    // The limits are the sign-in form's: the longest allowed password still signs in.
    const longest = await createUser({ password: 'p'.repeat(256) });
    expect(await authenticateWithPassword({ email: longest.email, password: 'p'.repeat(256), address: newAddress() }, t0)).toMatchObject({
      id: longest.id,
    });
  });

  test('the Auth.js credentials callback applies the same caps and ignores what is not text', async () => {
    const user = await createUser();
    const headers = new Headers({ 'x-forwarded-for': newAddress() });
    const before = await snapshotTables();
    expect(await authorizeCredentials({ email: user.email, password: huge }, headers)).toBeNull();
    expect(await authorizeCredentials({ email: [user.email], password: { toString: () => TEST_PASSWORD } }, headers)).toBeNull();
    expect(await snapshotTables()).toEqual(before);
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, headers)).toMatchObject({ id: user.id, sessionVersion: 1, sessionId: expect.any(String) });
  });

  test('1,000 attempts with random e-mails from one address write a bounded number of rows and are throttled', { timeout: 180_000 }, async () => {
    const address = newAddress();
    const throttlesBefore = await countRows('login_throttles');
    const since = await maxAuditId();
    let refusedUnchecked = 0;
    // One attempt a second for 1,000 seconds, each with a new e-mail of 200 random characters.
    for (let i = 0; i < 1_000; i += 1) {
      const email = `${crypto.randomUUID().repeat(5).slice(0, 180)}${i}@spray.test`;
      expect(await authenticateWithPassword({ email, password: 'devine', address }, at(i * 1_000))).toBeNull();
    }
    const written = (await countRows('login_throttles')) - throttlesBefore;
    const audited = (await auditRowsSince(since)).length;
    // The address's free attempts, then one a delay (1 s, 2 s, 4 s …): about thirty, not a thousand.
    expect(written).toBeLessThanOrEqual(ADDRESS_POLICY.freeAttempts + 16);
    expect(audited).toBeLessThanOrEqual(ADDRESS_POLICY.freeAttempts + 15);
    refusedUnchecked = 1_000 - audited;
    expect(refusedUnchecked).toBeGreaterThan(900);
    expect((await throttleRow(throttleKey('address', address)))!.blockedUntil!.getTime()).toBeGreaterThan(at(999_000).getTime());
    // Keys and journal entries have a fixed size whatever was typed.
    const keys = await queryRows<{ key: string }>(sql`select key from login_throttles`);
    expect(Math.max(...keys.map((row) => row.key.length))).toBeLessThanOrEqual(72);
    const entities = await queryRows<{ entity_id: string }>(sql`select entity_id from audit_events where id > ${since}`);
    expect(entities.every((row) => row.entity_id === 'unknown-account')).toBe(true);

    // An hour later those counters are gone (pruned by the next attempt), the address included.
    await authenticateWithPassword({ email: 'suivant@spray.test', password: 'devine', address: newAddress() }, at(1_000_000 + 2 * 3_600_000));
    expect(await countRows('login_throttles')).toBeLessThanOrEqual(throttlesBefore + 2);
    expect(await throttleRow(throttleKey('address', address))).toBeNull();
  });

  test('an address that is not an IP address is one shared bucket, never stored as typed', async () => {
    const since = await maxAuditId();
    await authenticateWithPassword({ email: 'personne@example.test', password: 'x', address: `<script>${'a'.repeat(500)}` }, t0);
    const rows = await queryRows<{ after: { address: string } }>(sql`select after from audit_events where id > ${since}`);
    expect(rows.map((row) => row.after.address)).toEqual(['unknown']);
    expect(await throttleRow(throttleKey('address', 'unknown'))).toMatchObject({ failures: expect.any(Number) });
  });
});
