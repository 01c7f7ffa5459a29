import { expect, test, type Page } from '@playwright/test';
import enCampaigns from '../messages/en.campaigns.json';
import frCampaigns from '../messages/fr.campaigns.json';
import { expectAccessible } from './axe';
import { DEMO_USERS, closeAll, en as enCore, fr, hydrated, signedInContext, unique } from './helpers';

const c = frCampaigns.campaigns;
function languageButton(page: Page, group: string, locale: 'fr' | 'en') {
  return page.getByRole('group', { name: group }).getByRole('button', { name: new RegExp(`^${locale}$`, 'i') });
}
const en = enCampaigns.campaigns;

// Several people and pages per test, on a shared machine: more room than the suite's default minute.
test.describe.configure({ timeout: 180_000 });

/** The ref of a requirement the demo test case `testCaseRef` verifies directly, read from its links panel. */
async function requirementRef(page: Page, testCaseRef: string): Promise<string> {
  await page.goto(`/projects/PAIE/test-cases/${testCaseRef}`);
  const link = page.locator('[data-testid^="test-link-EXF-"]').first();
  return (await link.getAttribute('data-testid'))!.replace('test-link-', '');
}

test('the AMOE creates a campaign, scopes it by requirement and by tag, assigns, sets one item non exécuté, and reads the dashboard', async ({ browser }) => {
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  const page = amoe.page;
  const ref = await requirementRef(page, 'CT-12');

  await page.goto('/projects/PAIE/campaigns');
  await expectAccessible(page);
  await page.getByRole('link', { name: c.new }).click();
  await hydrated(page);
  await expectAccessible(page);
  const name = `VABF ${unique()}`;
  await page.getByLabel(c.fields.name, { exact: true }).fill(name);
  await page.getByLabel(c.fields.type).selectOption('vabf');
  await page.getByLabel(c.fields.environment).fill('Recette');
  await page.getByLabel(c.fields.build).fill('2.4.0-rc1');
  await page.getByLabel(c.fields.plannedStart).fill('2026-03-02');
  await page.getByLabel(c.fields.plannedEnd).fill('2026-03-13');
  await page.getByRole('button', { name: c.form.create }).click();
  await expect(page).toHaveURL(/\/projects\/PAIE\/campaigns\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page.getByTestId('campaign-status')).toHaveText(c.statuses.planned);

  // Scope by requirement: its test cases directly and through its specifications.
  await hydrated(page);
  const scope = page.getByTestId('scope-tools');
  await scope.getByLabel(c.scope.method).selectOption('requirement');
  await scope.getByLabel(c.scope.ref).fill(ref);
  await scope.getByRole('button', { name: c.scope.add }).click();
  await expect(page.getByTestId('scope-added')).toBeVisible();
  await expect(page.getByTestId('scope-added')).not.toHaveText(/^Aucun/);
  // The page re-renders with the new items once the action's revalidation lands.
  await expect(page.getByTestId('items-total')).toHaveText(/^\d+ /);
  const afterRequirement = Number((await page.getByTestId('items-total').textContent())!.match(/\d+/)?.[0] ?? 0);
  expect(afterRequirement).toBeGreaterThan(0);
  // Then by tag: the DSN test cases come on top.
  await scope.getByLabel(c.scope.method).selectOption('tag');
  await scope.getByLabel(c.scope.tag).selectOption('dsn');
  await scope.getByRole('button', { name: c.scope.add }).click();
  await expect(page.getByTestId('items-total')).not.toHaveText(new RegExp(`^${afterRequirement} `));
  await expectAccessible(page);

  // Assign the first two items of the page to the MOA.
  const table = page.getByTestId('campaign-items');
  const checkboxes = table.getByRole('checkbox', { name: /CT-\d+/ });
  await checkboxes.nth(0).check();
  await checkboxes.nth(1).check();
  await page.getByLabel(c.items.assignTo).selectOption({ label: DEMO_USERS.moa.name });
  await page.getByRole('button', { name: c.items.assign }).click();
  await expect(table.getByText(DEMO_USERS.moa.name)).toHaveCount(2);

  // One item "non exécuté" with its reason.
  await table.getByRole('button', { name: new RegExp(`^${c.items.notRun}`) }).first().click();
  await page.getByLabel(c.items.reason).fill('Environnement de recette indisponible');
  await page.getByRole('button', { name: c.items.setNotRun }).click();
  await expect(table.getByText(c.states.not_run, { exact: true })).toHaveCount(1);
  await expect(page.getByTestId('progress-not_run')).toHaveText('1');

  // The dashboard: numbers, charts, the requirement verified.
  const dashboard = page.getByTestId('campaign-dashboard');
  await expect(dashboard.getByTestId('progress-chart')).toBeVisible();
  await expect(dashboard.getByTestId('burn-up-chart')).toBeVisible();
  await expect(page.getByTestId(`campaign-requirement-${ref}`)).toBeVisible();
  // Closing is refused while items remain.
  await page.getByRole('button', { name: c.detail.close }).click();
  await page.getByRole('button', { name: c.detail.closeConfirmYes }).click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await expectAccessible(page);

  // The edit page.
  await page.getByRole('link', { name: c.detail.edit }).click();
  await hydrated(page);
  await expect(page.getByLabel(c.fields.name, { exact: true })).toHaveValue(name);
  await expectAccessible(page);
  await closeAll(amoe.context);
});

test('the viewer and the MOA see campaigns read-only, in French and in English', async ({ browser }) => {
  // A campaign to look at, made by the AMOE.
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto('/projects/PAIE/campaigns/new');
  await hydrated(amoe.page);
  const name = `VSR ${unique()}`;
  await amoe.page.getByLabel(c.fields.name, { exact: true }).fill(name);
  await amoe.page.getByLabel(c.fields.type).selectOption('vsr');
  await amoe.page.getByRole('button', { name: c.form.create }).click();
  await expect(amoe.page).toHaveURL(/\/campaigns\/\d+$/);
  const address = new URL(amoe.page.url()).pathname;
  await hydrated(amoe.page);
  await amoe.page.getByTestId('scope-tools').getByLabel(c.scope.method).selectOption('tag');
  await amoe.page.getByTestId('scope-tools').getByLabel(c.scope.tag).selectOption('dsn');
  await amoe.page.getByTestId('scope-tools').getByRole('button', { name: c.scope.add }).click();
  await expect(amoe.page.getByTestId('scope-added')).toBeVisible();

  for (const person of [DEMO_USERS.viewer, DEMO_USERS.moa]) {
    const { context, page } = await signedInContext(browser, person.email);
    await page.goto('/projects/PAIE/campaigns');
    await expect(page.getByRole('link', { name: c.new })).toHaveCount(0);
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await expect(page.getByTestId('scope-tools')).toHaveCount(0);
    await expect(page.getByTestId('bulk-tools')).toHaveCount(0);
    await expect(page.getByTestId('campaign-status-actions')).toHaveCount(0);
    await expect(page.getByRole('link', { name: c.detail.edit })).toHaveCount(0);
    await expect(page.getByRole('button', { name: new RegExp(`^${c.items.notRun}`) })).toHaveCount(0);
    await expectAccessible(page);
    await context.close();
  }

  // In English: the viewer switches the interface (saved to the profile), reads the campaign, and switches back.
  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  await viewer.page.goto(address);
  await hydrated(viewer.page);
  await languageButton(viewer.page, fr.nav.language, 'en').click();
  await expect(viewer.page.getByRole('heading', { level: 2, name: en.dashboard.title })).toBeVisible();
  await expect(viewer.page.getByTestId('campaign-status')).toHaveText(en.statuses.planned);
  await expect(viewer.page.getByTestId('items-total')).toContainText(/test case/);
  await expectAccessible(viewer.page);
  await expect(languageButton(viewer.page, enCore.nav.language, 'en')).toHaveAttribute('aria-pressed', 'true');
  await languageButton(viewer.page, enCore.nav.language, 'fr').click();
  await expect(languageButton(viewer.page, fr.nav.language, 'fr')).toHaveAttribute('aria-pressed', 'true');
  await viewer.page.reload();
  await expect(viewer.page.getByRole('heading', { level: 2, name: c.dashboard.title })).toBeVisible();
  await closeAll(amoe.context, viewer.context);
});
