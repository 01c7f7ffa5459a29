import { expect, test, type Page } from '@playwright/test';
import enRequirements from '../messages/en.requirements.json';
import enTraceability from '../messages/en.traceability.json';
import frRequirements from '../messages/fr.requirements.json';
import frTraceability from '../messages/fr.traceability.json';
import { DEMO_PROJECT, DEMO_USERS, signIn } from './helpers';

const LOCALES = { fr: { ...frRequirements, ...frTraceability }, en: { ...enRequirements, ...enTraceability } };
const base = `/projects/${DEMO_PROJECT.key}`;

/** Every page of the application, on the demo project: each section gives its client components their own texts. */
const PAGES = [
  '/projects',
  '/projects/new',
  '/profile',
  '/admin/users',
  base,
  `${base}/requirements`,
  `${base}/requirements?view=flat`,
  `${base}/requirements/new`,
  `${base}/requirements/EXF-5`,
  `${base}/requirements/EXF-5/edit`,
  `${base}/requirements/EXF-5/history`,
  `${base}/specifications`,
  `${base}/specifications/new`,
  `${base}/specifications/STD-1`,
  `${base}/specifications/STD-1/edit`,
  `${base}/specifications/STD-1/history`,
  `${base}/test-cases`,
  `${base}/test-cases/new`,
  `${base}/test-cases/CT-1`,
  `${base}/test-cases/CT-1/edit`,
  `${base}/test-cases/CT-1/history`,
  `${base}/traceability`,
  `${base}/traceability?view=untestedRequirements`,
  `${base}/traceability?view=untestedSpecifications`,
  `${base}/traceability/review`,
  `${base}/campaigns`,
  `${base}/audit`,
  `${base}/settings`,
];

/** Collects what next-intl reports in the browser when a client component asks for a text it was not given. */
function watchMessages(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/MISSING_MESSAGE|INSUFFICIENT_PATH|IntlError/.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

for (const locale of ['fr', 'en'] as const) {
  test(`every page shows its texts in ${locale}, client components included`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    await context.addCookies([{ name: 'passerelle-locale', value: locale, url: baseURL! }]);
    const page = await context.newPage();
    const problems = watchMessages(page);
    await signIn(page, DEMO_USERS.owner.email);
    const texts = LOCALES[locale];

    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator('h1'), path).toBeVisible();
    }
    // A suspect link's review page, reached from the list, and the statuses the trace panels translate on the client.
    await page.goto(`${base}/traceability/review`);
    await page.getByRole('link', { name: texts.traceability.gaps.review }).first().click();
    await expect(page.getByRole('button', { name: texts.traceability.reviewLink.confirm })).toBeVisible();
    await page.goto(`${base}/specifications/STD-1`);
    await expect(page.getByText(texts.requirements.statuses.validated).first()).toBeVisible();

    expect(problems).toEqual([]);
    await context.close();
  });
}

test('the sign-in page carries only the texts of its own client components', async ({ page }) => {
  const problems = watchMessages(page);
  const response = await page.goto('/login');
  const html = await response!.text();
  await expect(page.locator('h1')).toBeVisible();
  expect(html).not.toContain(frTraceability.traceability.reviewLink.confirmHint);
  expect(html).not.toContain(frRequirements.requirements.statuses.obsolete);
  expect(problems).toEqual([]);
});
