import { expect, test } from '@playwright/test';
import {
  DEMO_USERS,
  choosePassword,
  closeAll,
  createAccount,
  expectNotFound,
  fr,
  hydrated,
  openUserMenu,
  setupLinkPath,
  signIn,
  signedInContext,
  unique,
  uniqueEmail,
} from './helpers';

test('the instance administrator creates an account and hands over its one-time link', async ({ browser }) => {
  const admin = await signedInContext(browser, DEMO_USERS.owner.email);
  const menu = await openUserMenu(admin.page);
  await menu.getByRole('menuitem', { name: fr.nav.admin }).click();
  await expect(admin.page).toHaveURL(/\/admin\/users$/);
  await expect(admin.page.getByRole('heading', { level: 1, name: fr.admin.title })).toBeVisible();
  for (const person of Object.values(DEMO_USERS)) await expect(admin.page.getByTestId('user-table')).toContainText(person.email);

  const email = uniqueEmail('admin');
  const name = `Nouveau Compte ${unique()}`;
  await admin.page.getByLabel(fr.admin.name).fill(name);
  await admin.page.getByLabel(fr.admin.email).fill(email);
  await admin.page.getByRole('button', { name: fr.admin.createSubmit }).click();
  const link = await setupLinkPath(admin.page);
  await expect(admin.page.getByTestId('user-table')).toContainText(email);
  const row = admin.page.getByTestId('user-table').getByRole('row').filter({ hasText: email });
  await expect(row).toContainText(fr.admin.pending);

  // The same e-mail twice is refused, with the field kept.
  await admin.page.getByLabel(fr.admin.name).fill(name);
  await admin.page.getByLabel(fr.admin.email).fill(email);
  await admin.page.getByRole('button', { name: fr.admin.createSubmit }).click();
  await expect(admin.page.getByTestId('email-error')).toHaveText(fr.validation.user.emailTaken);
  await expect(admin.page.getByLabel(fr.admin.email)).toHaveValue(email);

  // The new person chooses a password and signs in: no project yet, an honest empty list.
  const password = `mot-de-passe-${unique()}`;
  const newcomer = await browser.newContext();
  const page = await newcomer.newPage();
  await choosePassword(page, link, password);
  await signIn(page, email, password);
  await expect(page.getByText(fr.projects.empty)).toBeVisible();
  const own = await openUserMenu(page);
  await expect(own).toContainText(name);
  await expect(own.getByRole('menuitem', { name: fr.nav.admin })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Not an administrator: the page does not exist for them.
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(404);
  await expectNotFound(page);
  await closeAll(admin.context, newcomer);
});

test('a person who is not an administrator gets a 404 on the account administration', async ({ page }) => {
  await signIn(page, DEMO_USERS.amoe.email);
  const menu = await openUserMenu(page);
  await expect(menu.getByRole('menuitem', { name: fr.nav.admin })).toHaveCount(0);
  await page.keyboard.press('Escape');
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(404);
  await expectNotFound(page);
  await expect(page.getByLabel(fr.admin.email)).toHaveCount(0);
});

test('the administrator pseudonymizes an account on request: name and e-mail are gone, it can no longer sign in', async ({ browser }) => {
  const person = await createAccount(browser, 'rgpd');
  const admin = await signedInContext(browser, DEMO_USERS.owner.email);
  await admin.page.goto('/admin/users');
  await hydrated(admin.page);
  const row = admin.page.getByTestId('user-table').getByRole('row').filter({ hasText: person.email });
  admin.page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: fr.admin.pseudonymize }).click();
  await expect(admin.page.getByTestId('user-table')).not.toContainText(person.email);
  await expect(admin.page.getByTestId('user-table')).not.toContainText(person.name);
  await expect(admin.page.getByTestId('user-table').getByRole('row').filter({ hasText: fr.admin.pseudonymized })).toHaveCount(1);

  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await hydrated(page);
  await page.locator('#email').fill(person.email);
  await page.locator('#password').fill(person.password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('form-error')).toHaveText(fr.errors.signInFailed);
  await closeAll(admin.context, page.context());
});
