import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import frCampaigns from '../messages/fr.campaigns.json';
import frImport from '../messages/fr.results-import.json';
import { expectAccessible } from './axe';
import { DEMO_PROJECT, DEMO_USERS, closeAll, expectNotFound, fr, hydrated, signedInContext, unique } from './helpers';

const t = frImport.resultsImport;
const c = frCampaigns.campaigns;
const fixtures = process.env.PASSERELLE_FIXTURES ?? path.resolve(process.cwd(), '../shared/fixtures');

test.describe.configure({ timeout: 180_000 });

/** A campaign of its own (the demo campaigns belong to other specs), created through the campaign form. */
async function newCampaign(page: Page): Promise<string> {
  await page.goto(`/projects/${DEMO_PROJECT.key}/campaigns/new`);
  await hydrated(page);
  await page.getByLabel(c.fields.name, { exact: true }).fill(`CI ${unique()}`);
  await page.getByLabel(c.fields.type).selectOption('non_regression');
  await page.getByLabel(c.fields.environment).fill('Intégration');
  await page.getByLabel(c.fields.build).fill('3.0.0');
  await page.getByRole('button', { name: c.form.create }).click();
  await expect(page).toHaveURL(/\/campaigns\/\d+$/);
  return new URL(page.url()).pathname;
}

/** The demo's automated test case (key `paie.bulletin.cotisations`) passes, and a case nothing knows fails. */
const CI_REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites><testsuite name="paie" tests="2">
  <testcase classname="paie.bulletin" name="cotisations" time="1.5"/>
  <testcase classname="paie.e2e" name="nouveau contrôle ${unique()}" time="0.2"><failure message="écart de 0,02 €">AssertionError</failure></testcase>
</testsuite></testsuites>`;

test('the AMOE uploads CI reports, reads the preview, imports, and sees the executions in the campaign', async ({ browser }) => {
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  const page = amoe.page;
  const campaignPath = await newCampaign(page);
  await page.getByRole('link', { name: t.open }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(t.title);
  await hydrated(page);
  await expectAccessible(page);

  await page.getByLabel(t.files).setInputFiles([
    { name: 'ci-paie.xml', mimeType: 'application/xml', buffer: Buffer.from(CI_REPORT) },
    { name: 'surefire.xml', mimeType: 'application/xml', buffer: readFileSync(path.join(fixtures, 'junit', 'surefire_junit4_TEST-StringUtilsTest.xml')) },
  ]);
  await expect(page.getByLabel(t.build)).toHaveValue('3.0.0');
  await page.getByLabel(t.build).fill('3.0.1');
  await page.getByRole('button', { name: t.preview }).click();

  const preview = page.getByTestId('results-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-matched')).toContainText('Non-régression des rubriques de cotisations');
  await expect(page.getByTestId('preview-matched')).toContainText(t.addedToScope);
  // 1 unknown case in the CI report and the 4 surefire cases that ran (1 skipped) are proposed.
  await expect(page.getByTestId('preview-proposed')).toContainText('action.surefire.report.calc.StringUtilsTest.require_fail');
  await expectAccessible(page);

  await page.getByLabel(t.createProposed).check();
  await page.getByTestId('results-import').click();
  const done = page.getByTestId('results-done');
  await expect(done).toBeVisible();
  // 1 matched + 1 proposed in the CI report, 4 of the surefire cases (the skipped one did not run).
  await expect(done).toContainText('6 exécutions créées');

  await done.getByRole('link', { name: t.seeCampaign }).click();
  await expect(page).toHaveURL(new RegExp(`${campaignPath}$`));
  await expect(page.getByTestId('items-total')).toHaveText(/^6 /);
  await expect(page.getByTestId('campaign-status')).toHaveText(c.statuses.in_progress);
  await closeAll(amoe.context);
});

test('a refused file says why and writes nothing; a viewer cannot import', async ({ browser }) => {
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  const campaignPath = await newCampaign(amoe.page);
  await amoe.page.goto(`${campaignPath}/results`);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(t.files).setInputFiles({
    name: 'xxe.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuite name="&x;"/>'),
  });
  await amoe.page.getByRole('button', { name: t.preview }).click();
  await expect(amoe.page.getByTestId('form-error')).toHaveText(fr.errors.resultsImport.doctype);
  await expect(amoe.page.getByTestId('results-preview')).toHaveCount(0);

  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  await viewer.page.goto(campaignPath);
  await expect(viewer.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(viewer.page.getByRole('link', { name: t.open })).toHaveCount(0);
  await viewer.page.goto(`${campaignPath}/results`);
  await expectNotFound(viewer.page);
  await closeAll(amoe.context, viewer.context);
});
