import { expect, test, type Page } from '@playwright/test';
import { DEMO_PROJECT, DEMO_USERS, createAccount, en, fr, hydrated, openUserMenu, signIn } from './helpers';
import enSignoff from '../messages/en.signoff.json';

function languageButton(page: Page, group: string, locale: 'fr' | 'en') {
  return page.getByRole('group', { name: group }).getByRole('button', { name: new RegExp(`^${locale}$`, 'i') });
}

test('the interface switches to English, stays English across pages and for the person, and switches back', async ({
  browser,
}) => {
  // A dedicated account: the choice is saved to the person's profile.
  const person = await createAccount(browser, 'langue');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  await expect(page.getByRole('heading', { level: 1, name: fr.projects.title })).toBeVisible();
  await expect(languageButton(page, fr.nav.language, 'fr')).toHaveAttribute('aria-pressed', 'true');

  await languageButton(page, fr.nav.language, 'en').click();
  await expect(page.getByRole('heading', { level: 1, name: en.projects.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(languageButton(page, en.nav.language, 'en')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(en.projects.empty)).toBeVisible();

  // Persists across navigation, including full page loads (an account that may not create projects is told so).
  await page.goto('/projects/new');
  await expect(page.getByRole('heading', { level: 1, name: en.projects.new })).toBeVisible();
  await expect(page.getByTestId('creation-restricted')).toHaveText(en.projects.creationRestricted);
  await page.goto('/projects');
  await expect(page.getByRole('heading', { level: 1, name: en.projects.title })).toBeVisible();
  await openUserMenu(page);
  await expect(page.getByRole('menuitem', { name: en.nav.signOut, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // Saved to the profile: a new browser, with no language cookie, opens in English after sign-in.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, person.email, person.password);
  await expect(otherPage.getByRole('heading', { level: 1, name: en.projects.title })).toBeVisible();
  await other.close();

  // Back to French.
  await languageButton(page, en.nav.language, 'fr').click();
  await expect(page.getByRole('heading', { level: 1, name: fr.projects.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: fr.projects.title })).toBeVisible();
  await context.close();
});

test('a project page in English: sidebar, role and empty states', async ({ page }) => {
  // The sign-in page's switch only sets this browser's cookie; a demo account's own preference is untouched.
  await page.goto('/login');
  await hydrated(page);
  await languageButton(page, fr.nav.language, 'en').click();
  await expect(page.getByRole('heading', { level: 1, name: en.auth.signInTitle })).toBeVisible();
  await expect(page.getByLabel(en.auth.email)).toBeVisible();
  await signIn(page, DEMO_USERS.viewer.email);
  await expect(page.getByRole('heading', { level: 1, name: en.projects.title })).toBeVisible();

  await page.getByTestId('project-list').getByRole('link').filter({ hasText: DEMO_PROJECT.name }).click();
  const sidebar = page.getByRole('navigation', { name: en.sections.label });
  await expect(sidebar.getByRole('link', { name: en.sections.audit })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: en.sections.anomalies })).toBeVisible();
  await expect(page.locator('p').filter({ hasText: en.overview.yourRole })).toContainText(en.roles.viewer);

  await sidebar.getByRole('link', { name: en.sections.approvals }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.sections.approvals })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: enSignoff.signoff.inbox.title })).toBeVisible();

  await sidebar.getByRole('link', { name: en.sections.readiness }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.sections.readiness })).toBeVisible();
  await expect(page.getByTestId('release-row-1')).toBeVisible();

  await sidebar.getByRole('link', { name: en.sections.audit }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.sections.audit })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: en.audit.when })).toBeVisible();

  await page.goto(`/projects/NOPE${Date.now().toString(36).toUpperCase().replace(/\d/g, 'X').slice(-4)}`);
  await expect(page.getByRole('heading', { level: 1, name: en.notFound.title })).toBeVisible();
});
