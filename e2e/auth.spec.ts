import { expect, test } from '@playwright/test';
import { DEMO_PROJECT, DEMO_USERS, closeAll, createAccount, fr, hydrated, openUserMenu, signIn, signedInContext } from './helpers';

test('a wrong password shows the one generic error and keeps the e-mail typed', async ({ page }) => {
  // The only failed sign-in of the suite, far below the account's free attempts (5 an hour).
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: fr.auth.signInTitle })).toBeVisible();
  await hydrated(page);
  await page.getByLabel(fr.auth.email).fill(DEMO_USERS.amoe.email);
  await page.getByLabel(fr.auth.password, { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: fr.auth.signIn }).click();

  await expect(page.getByTestId('form-error')).toHaveText(fr.errors.signInFailed);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel(fr.auth.email)).toHaveValue(DEMO_USERS.amoe.email);
  await expect(page.getByLabel(fr.auth.password, { exact: true })).toHaveValue('');
  // An unknown account gets exactly the same answer.
  await page.getByLabel(fr.auth.email).fill('nobody@e2e.test');
  await page.getByLabel(fr.auth.password, { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: fr.auth.signIn }).click();
  await expect(page.getByLabel(fr.auth.email)).toHaveValue('nobody@e2e.test');
  await expect(page.getByTestId('form-error')).toHaveText(fr.errors.signInFailed);
});

test('an anonymous visitor is sent to the sign-in page, then back to the page asked for', async ({ page }) => {
  await page.goto(`/projects/${DEMO_PROJECT.key}/audit`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole('heading', { level: 1, name: fr.auth.signInTitle })).toBeVisible();
  await signIn(page, DEMO_USERS.viewer.email, undefined, {
    onCurrentPage: true,
    expectUrl: new RegExp(`/projects/${DEMO_PROJECT.key}/audit$`),
  });
  await expect(page.getByRole('heading', { level: 1, name: fr.sections.audit })).toBeVisible();
});

test('sign-out returns to the sign-in page and protected pages then redirect there', async ({ page }) => {
  await signIn(page, DEMO_USERS.amoa.email);
  const menu = await openUserMenu(page);
  await expect(menu).toContainText(DEMO_USERS.amoa.email);
  await menu.getByRole('menuitem', { name: fr.nav.signOut, exact: true }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: fr.auth.signInTitle })).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => c.name.includes('session-token'))).toEqual([]);

  for (const path of ['/projects', `/projects/${DEMO_PROJECT.key}`, `/projects/${DEMO_PROJECT.key}/settings`, '/profile']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login(\?|$)/);
  }
});

test('a session cookie copied before sign-out opens nothing afterwards, and the session endpoint does not revive it', async ({ browser }) => {
  const person = await createAccount(browser, 'copie');
  const victim = await signedInContext(browser, person.email, person.password);
  const copied = (await victim.context.cookies()).filter((c) => c.name.includes('session-token'));
  expect(copied.length).toBeGreaterThan(0);

  const menu = await openUserMenu(victim.page);
  await menu.getByRole('menuitem', { name: fr.nav.signOut, exact: true }).click();
  await expect(victim.page).toHaveURL(/\/login$/);

  // Someone replays the copied cookie from another browser.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const page = await thief.newPage();
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login(\?|$)/);
  const session = await thief.request.get('/api/auth/session');
  expect(await session.json()).toBeNull();
  await thief.addCookies(copied);
  const again = await page.request.get('/api/auth/session');
  expect(await again.json()).toBeNull();
  expect(again.headers()['set-cookie'] ?? '').not.toMatch(/session-token=[^;]{20,}/);
  await closeAll(victim.context, thief);
});

test('signing out everywhere ends the sessions of the other browsers on their next request', async ({ browser }) => {
  // A dedicated account: this bumps its session version, which would sign other tests' demo sessions out.
  const person = await createAccount(browser, 'partout');
  const first = await signedInContext(browser, person.email, person.password);
  const second = await signedInContext(browser, person.email, person.password);

  const menu = await openUserMenu(first.page);
  await menu.getByRole('menuitem', { name: fr.nav.signOutEverywhere }).click();
  await expect(first.page).toHaveURL(/\/login/);

  // The other browser still holds its cookie, but the session is over.
  await second.page.goto('/projects');
  await expect(second.page).toHaveURL(/\/login/);
  await expect(second.page.getByRole('heading', { level: 1, name: fr.auth.signInTitle })).toBeVisible();
  await first.page.goto('/projects');
  await expect(first.page).toHaveURL(/\/login/);

  // Signing in again works.
  await signIn(second.page, person.email, person.password);
  await closeAll(first.context, second.context);
});

test('pages carry the security headers and the session cookie is HttpOnly and SameSite=Lax', async ({ page }) => {
  const response = await page.goto('/login');
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['x-powered-by']).toBeUndefined();

  // The nonce changes with every response.
  const again = (await page.request.get('/login')).headers()['content-security-policy'];
  const nonce = (value: string) => /'nonce-([^']+)'/.exec(value)?.[1];
  expect(nonce(again!)).toBeTruthy();
  expect(nonce(again!)).not.toBe(nonce(csp!));

  await signIn(page, DEMO_USERS.viewer.email, undefined, { throughForm: true });
  const appPage = await page.request.get('/projects');
  expect(appPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const session = (await page.context().cookies()).find((c) => /authjs\.session-token$/.test(c.name));
  expect(session, 'session cookie').toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
});
