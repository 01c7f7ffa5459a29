import { expect, test, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { axeViolations } from './axe';
import { DEMO_PROJECT, DEMO_USERS, en, fr, signIn } from './helpers';
import { ENGLISH_SAMPLE, PAGES, appRoutes, visitName, type PageVisit, type Visitor } from './pages';

/**
 * RGAA / WCAG 2.1 AA: every page of the app (the table in e2e/pages.ts, checked against app/ on disk) passes
 * axe-core's WCAG 2.1 A and AA rules, colour contrast included, as the person who uses it: in French, in English
 * for a sample, and on a phone-sized viewport for the MOA's pages, which must not scroll sideways there.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
type Variant = 'fr' | 'en' | 'phone';

/** One signed-in context per person and variant, reused by the tests of this file (sign-in is slow on purpose). */
const contexts = new Map<string, BrowserContext>();

async function contextFor(browser: Browser, as: Visitor, variant: Variant): Promise<BrowserContext> {
  const key = `${as}:${variant}`;
  const known = contexts.get(key);
  if (known) return known;
  const context = await browser.newContext(variant === 'phone' ? PHONE : {});
  if (variant === 'en') {
    await context.addCookies([{ name: 'passerelle-locale', value: 'en', url: test.info().project.use.baseURL! }]);
  }
  if (as !== 'anonymous') await signIn(await context.newPage(), DEMO_USERS[as].email);
  contexts.set(key, context);
  return context;
}

test.afterAll(async () => {
  await Promise.all([...contexts.values()].map((c) => c.close()));
  contexts.clear();
});

/**
 * Resolves `settled()` once the page has hydrated (React tags the nodes it owns) and no request has been in flight for
 * QUIET_MS: the lazy parts a hydrated page fetches (a virtualized table's rows, a diagram) start from its effects,
 * right after hydration. Playwright's `networkidle` waits a fixed 500 ms of silence, ~45 % of each visit here.
 */
const QUIET_MS = 150;
function watchNetwork(page: Page) {
  // A set, not a counter: a request of the previous page can end (aborted) after this starts watching.
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const started = (request: Request) => {
    inFlight.add(request);
    lastActivity = Date.now();
  };
  const ended = (request: Request) => {
    inFlight.delete(request);
    lastActivity = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async settled() {
      await page
        .waitForFunction(() => [...document.querySelectorAll('body *')].slice(0, 50).some((n) => Object.keys(n).some((k) => k.startsWith('__reactFiber'))), undefined, { timeout: 5_000 })
        .catch(() => {});
      const deadline = Date.now() + 15_000;
      while (inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS) {
        if (Date.now() > deadline) throw new Error(`still loading after 15 s: ${[...inFlight].map((r) => r.url()).join(', ')}`);
        await page.waitForTimeout(25);
      }
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    },
  };
}

/** Opens the visit's page and waits until it is idle (hydrated, lazy parts loaded). */
async function open(browser: Browser, visit: PageVisit, variant: Variant): Promise<Page> {
  const context = await contextFor(browser, visit.as, variant);
  const page = context.pages()[0] ?? (await context.newPage());
  const url = typeof visit.url === 'string' ? visit.url : await visit.url({ page, browser });
  // An error thrown in the page (a hydration mismatch among them) fails the visit too: axe alone would pass it.
  const thrown: string[] = [];
  const onError = (error: Error) => thrown.push(error.message);
  page.on('pageerror', onError);
  const quiet = watchNetwork(page);
  const response = await page.goto(url);
  expect(response!.status(), url).toBeLessThan(500);
  await quiet.settled();
  page.off('pageerror', onError);
  expect(thrown, `${url}: errors thrown in the page`).toEqual([]);
  return page;
}

async function expectNoViolation(page: Page, name: string) {
  const violations = await axeViolations(page);
  // The list reporter shows this line: the run is the per-page report.
  console.log(`[axe] ${name}: ${violations.length ? `\n  ${violations.join('\n  ')}` : 'no violation'}`);
  expect(violations, name).toEqual([]);
}

test('every page under app/ has a row in e2e/pages.ts, and every row is a page of app/', () => {
  const onDisk = appRoutes();
  const listed = new Set(PAGES.map((v) => v.route));
  expect(onDisk.filter((route) => !listed.has(route)), 'pages of app/ missing from e2e/pages.ts').toEqual([]);
  expect([...listed].filter((route) => !onDisk.includes(route)), 'rows of e2e/pages.ts for no page of app/').toEqual([]);
});

for (const visit of PAGES) {
  test(`axe WCAG 2.1 A/AA: ${visitName(visit)}`, async ({ browser }) => {
    const page = await open(browser, visit, 'fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectNoViolation(page, visitName(visit));
  });
}

for (const visit of PAGES.filter((v) => typeof v.url === 'string' && ENGLISH_SAMPLE.has(v.url) && !v.label)) {
  test(`axe WCAG 2.1 A/AA in English: ${visitName(visit)}`, async ({ browser }) => {
    const page = await open(browser, visit, 'en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoViolation(page, `${visitName(visit)} (en)`);
  });
}

for (const visit of PAGES.filter((v) => v.phone)) {
  test(`axe WCAG 2.1 A/AA at 390 × 844, no sideways scroll: ${visitName(visit)}`, async ({ browser }) => {
    const page = await open(browser, visit, 'phone');
    await expectNoViolation(page, `${visitName(visit)} (phone)`);
    const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
    expect(widths.inner, 'the layout viewport is the phone’s').toBe(PHONE.viewport.width);
    expect(widths.scroll, 'the page does not scroll sideways').toBeLessThanOrEqual(widths.inner);
  });
}

test('on a phone, the MOA opens the project menu with the keyboard, Escape closes it, and a section link leads there', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.moa.email);
  await page.goto(`/projects/${DEMO_PROJECT.key}`);
  await page.waitForLoadState('networkidle');

  // The sidebar is hidden at this width: the header's menu button is the way to the sections.
  const sidebar = page.getByRole('navigation', { name: fr.sections.label });
  await expect(sidebar).toBeHidden();
  const menuButton = page.getByRole('button', { name: fr.nav.menu, exact: true });
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  await menuButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: fr.nav.projectMenu });
  await expect(dialog).toBeVisible();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expectNoViolation(page, 'project menu open (phone)');
  // Focus is inside the menu and stays there: Tab and Shift+Tab go round its links.
  await expect(dialog.locator(':focus')).toHaveCount(1);
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    await expect(dialog.locator(':focus'), `focus stays in the menu after ${i + 1} presses`).toHaveCount(1);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  // Reopened, the keyboard reaches "Spécifications" and Enter goes there; the menu closes behind.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const link = dialog.getByRole('link', { name: fr.sections.specifications });
  for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/projects/${DEMO_PROJECT.key}/specifications$`));
  await expect(page.getByRole('heading', { level: 1, name: fr.sections.specifications })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  await context.close();
});

test('on a desktop screen the sidebar shows and the menu button does not; the skip link leads to the main content', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.moa.email);
  await page.goto(`/projects/${DEMO_PROJECT.key}/requirements`);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('navigation', { name: fr.sections.label })).toBeVisible();
  await expect(page.getByRole('button', { name: fr.nav.menu, exact: true })).toBeHidden();

  // The first Tab shows the skip link; following it puts the keyboard in the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: fr.nav.skipToContent });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  await context.close();
});

test('in English the phone menu speaks English', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  await context.addCookies([{ name: 'passerelle-locale', value: 'en', url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.moa.email);
  await page.goto(`/projects/${DEMO_PROJECT.key}/traceability`);
  await page.getByRole('button', { name: en.nav.menu, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: en.nav.projectMenu });
  await expect(dialog.getByRole('link', { name: en.sections.traceability })).toHaveAttribute('aria-current', 'page');
  await dialog.getByRole('button', { name: en.nav.closeMenu }).click();
  await expect(dialog).toBeHidden();
  await context.close();
});
