import { expect, type Browser, type BrowserContext, type Cookie, type Page } from '@playwright/test';
import en from '../messages/en.json';
import fr from '../messages/fr.json';

/** The UI texts, straight from the catalogues: the tests read what a person sees, in French by default. */
export { en, fr };

/** Fills the `{placeholders}` of a simple catalogue message (no plural forms). */
export function format(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

export const DEMO_PASSWORD = 'passerelle-demo';

export const DEMO_PROJECT = { key: 'PAIE', name: 'Refonte du SI de paie', client: 'Groupe Exemple' } as const;

export type Role = 'owner' | 'amoe' | 'amoa' | 'moa' | 'viewer';

/** One demo account per role (db/seed/demo-accounts.ts); Claire is also the instance administrator. */
export const DEMO_USERS: Record<Role, { email: string; name: string }> = {
  owner: { email: 'claire.martin@passerelle.demo', name: 'Claire Martin' },
  amoe: { email: 'julien.bernard@passerelle.demo', name: 'Julien Bernard' },
  amoa: { email: 'sophie.durand@passerelle.demo', name: 'Sophie Durand' },
  moa: { email: 'philippe.leroy@passerelle.demo', name: 'Philippe Leroy' },
  viewer: { email: 'nadia.petit@passerelle.demo', name: 'Nadia Petit' },
};

/** The sidebar sections, in order, with their URL slugs. */
export const SECTIONS = [
  { key: 'requirements', slug: 'requirements' },
  { key: 'specifications', slug: 'specifications' },
  { key: 'traceability', slug: 'traceability' },
  { key: 'testCases', slug: 'test-cases' },
  { key: 'campaigns', slug: 'campaigns' },
  { key: 'anomalies', slug: 'anomalies' },
  { key: 'approvals', slug: 'approvals' },
  { key: 'readiness', slug: 'readiness' },
  { key: 'audit', slug: 'audit' },
  { key: 'settings', slug: 'settings' },
] as const;

let counter = 0;

/** A string no other test of any run uses: time in base 36, a per-process counter and a random part. */
export function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
}

/** A valid project key (a letter, then up to 9 capitals or digits), unique per call. */
export function uniqueProjectKey(): string {
  const digitsAsLetters = unique()
    .toUpperCase()
    .replace(/\d/g, (d) => 'GHIJKLMNOP'[Number(d)]!);
  return `E${digitsAsLetters.slice(-9)}`;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${unique()}@e2e.test`;
}

/**
 * Waits until React has hydrated the page's forms and buttons (it tags the DOM nodes it owns): typing into a field
 * or submitting a form before that would race with hydration.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const node = document.querySelector('form, button');
    return !!node && Object.keys(node).some((key) => key.startsWith('__reactFiber'));
  });
}

/**
 * Signs in through the sign-in form and waits for "Mes projets". With `onCurrentPage`, uses the sign-in page the
 * browser is already on (e.g. after a redirect carrying a callbackUrl) and waits for `expectUrl`.
 */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  options: { onCurrentPage?: boolean; expectUrl?: RegExp; throughForm?: boolean } = {},
) {
  const reusable = password === DEMO_PASSWORD && !options.onCurrentPage && !options.expectUrl && !options.throughForm;
  if (reusable && (await reuseDemoSession(page, email))) return;
  if (!options.onCurrentPage) await page.goto('/login');
  await hydrated(page);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(options.expectUrl ?? /\/projects$/);
  if (reusable) demoSessions.set(email, (await page.context().cookies()).filter((c) => SESSION_COOKIE.test(c.name)));
}

const SESSION_COOKIE = /authjs\.session-token/;

/**
 * The session cookies of the demo accounts, from their first sign-in through the form in this worker. Most journeys
 * only need to be signed in: handing a new browser context the same session saves a form sign-in (~1 s) each time.
 * The sign-in journeys themselves pass their own password, a callback or `throughForm`.
 */
const demoSessions = new Map<string, Cookie[]>();

/** Opens "Mes projets" with the demo account's known session; false when there is none or it has ended since. */
async function reuseDemoSession(page: Page, email: string): Promise<boolean> {
  const cookies = demoSessions.get(email);
  if (!cookies) return false;
  await page.context().addCookies(cookies);
  await page.goto('/projects');
  if (new URL(page.url()).pathname === '/projects') return true;
  // A journey signed that session out (the server ended it): sign in through the form again.
  demoSessions.delete(email);
  await page.context().clearCookies({ name: SESSION_COOKIE });
  return false;
}

/** A new browser context (its own cookies), signed in. */
export async function signedInContext(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

export async function openUserMenu(page: Page) {
  await hydrated(page);
  await page.getByTestId('user-menu').click();
  return page.getByRole('menu');
}

/** Creates a project through the form; lands on its overview page. */
export async function createProject(page: Page, fields: { key?: string; name?: string; client?: string } = {}) {
  const key = fields.key ?? uniqueProjectKey();
  const name = fields.name ?? `Projet e2e ${key}`;
  const client = fields.client ?? 'Client e2e';
  await page.goto('/projects/new');
  await hydrated(page);
  await page.getByLabel(fr.projects.key).fill(key);
  await page.getByLabel(fr.projects.name).fill(name);
  await page.getByLabel(fr.projects.client, { exact: true }).fill(client);
  await page.getByRole('button', { name: fr.projects.create }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${key}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return { key, name, client };
}

/**
 * On a project's settings page (as its owner), adds a member. With `newAccount`, the e-mail has no account yet: the
 * name is filled in, the account is created and the one-time setup link path is returned.
 */
export async function addMember(
  page: Page,
  projectKey: string,
  member: { email: string; name: string; role: Role; newAccount?: boolean },
): Promise<string | null> {
  await page.goto(`/projects/${projectKey}/settings`);
  await hydrated(page);
  const form = page.getByTestId('add-member-form');
  await form.getByLabel(fr.members.email).fill(member.email);
  if (member.newAccount) await form.getByLabel(fr.members.nameIfNew).fill(member.name);
  await form.getByLabel(fr.members.role, { exact: true }).selectOption(member.role);
  await form.getByRole('button', { name: fr.members.addSubmit }).click();
  await expect(form.getByRole('status').filter({ hasText: format(fr.members.added, { name: member.name }) })).toBeVisible();
  await expect(page.getByTestId(`member-${member.email.toLowerCase()}`)).toBeVisible();
  return member.newAccount ? setupLinkPath(page) : null;
}

/** The path of the one-time link shown on the page (the UI shows a full URL). */
export async function setupLinkPath(page: Page): Promise<string> {
  const shown = page.getByTestId('setup-link');
  await expect(shown).toContainText('/set-password/');
  return new URL((await shown.innerText()).trim(), 'http://placeholder').pathname;
}

/** Opens a one-time link in `page`, chooses a password, and returns on the confirmation. */
export async function choosePassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: fr.auth.setPasswordTitle })).toBeVisible();
  await hydrated(page);
  await page.getByLabel(fr.auth.newPassword, { exact: true }).fill(password);
  await page.getByLabel(fr.auth.confirmPassword, { exact: true }).fill(password);
  await page.getByRole('button', { name: fr.auth.setPasswordSubmit }).click();
  await expect(page.getByText(fr.auth.passwordSet)).toBeVisible();
}

/**
 * A brand-new account with a password, created by the instance administrator through /admin/users: for journeys
 * that change a person's state (language, sessions) without touching the shared demo accounts.
 */
export async function createAccount(browser: Browser, prefix = 'e2e') {
  const email = uniqueEmail(prefix);
  const name = `Compte ${prefix} ${unique()}`;
  const password = `mot-de-passe-${unique()}`;
  const admin = await signedInContext(browser, DEMO_USERS.owner.email);
  await admin.page.goto('/admin/users');
  await hydrated(admin.page);
  await admin.page.getByLabel(fr.admin.name).fill(name);
  await admin.page.getByLabel(fr.admin.email).fill(email);
  await admin.page.getByRole('button', { name: fr.admin.createSubmit }).click();
  const link = await setupLinkPath(admin.page);
  await admin.context.close();

  const context = await browser.newContext();
  await choosePassword(await context.newPage(), link, password);
  await context.close();
  return { email, name, password };
}

/** Expects the not-found page (the same for a missing page and for one the person may not see). */
export async function expectNotFound(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: fr.notFound.title })).toBeVisible();
  await expect(page.getByText(fr.notFound.body)).toBeVisible();
}

export async function closeAll(...contexts: BrowserContext[]) {
  await Promise.all(contexts.map((c) => c.close()));
}

/**
 * Adds specifications to the baseline freeze form through its search picker, the first pickable result each time
 * (an empty search lists the project's first twenty by number), `count` of them or, with no count, every one the
 * empty search offers. Returns how many were chosen.
 */
export async function chooseBaselineSpecifications(page: Page, count?: number): Promise<number> {
  const form = page.getByTestId('create-baseline');
  const search = form.getByRole('combobox');
  const pickable = form.locator('[role="option"]:not([aria-disabled="true"])');
  let chosen = 0;
  for (;;) {
    if (count !== undefined && chosen >= count) break;
    await search.press('ArrowDown');
    await expect(form.getByRole('listbox')).toBeVisible();
    if ((await pickable.count()) === 0) break;
    await pickable.first().click();
    chosen += 1;
    await expect(form.getByTestId('baseline-chosen-count')).toHaveText(new RegExp(`^${chosen}\\D`));
  }
  await search.press('Escape');
  return chosen;
}
