import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fixturesDir } from '../lib/interop/fixtures-path';
import frRequirements from '../messages/fr.requirements.json';
import frReqif from '../messages/fr.reqif.json';
import { expectAccessible } from './axe';
import { addMember, createProject, DEMO_PROJECT, DEMO_USERS, hydrated, signedInContext } from './helpers';

const fr = { reqif: frReqif.reqif, requirements: frRequirements.requirements };

/**
 * ReqIF in and out: the AMOA, who writes requirements (DESIGN.md §4), brings a Polarion export into a fresh project
 * (preview first, then the import), finds its hierarchy and custom fields, and exports the project back as ReqIF.
 * Those who do not write requirements (the AMOE, a viewer) cannot import, as for the spreadsheet import.
 */
const POLARION = fixturesDir('reqif', 'polarion_test_export.reqif');

test('the AMOA imports a Polarion export: preview, import, hierarchy and fields; then exports as ReqIF', async ({ browser }) => {
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  await addMember(owner.page, project.key, { email: DEMO_USERS.amoa.email, name: DEMO_USERS.amoa.name, role: 'amoa' });
  await owner.context.close();

  const { context, page } = await signedInContext(browser, DEMO_USERS.amoa.email);
  await page.goto(`/projects/${project.key}/requirements`);
  await page.getByRole('link', { name: fr.reqif.importAction }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.reqif.title })).toBeVisible();
  await hydrated(page);
  await page.getByLabel(fr.reqif.file).setInputFiles(POLARION);
  await page.getByRole('button', { name: fr.reqif.preview }).click();

  const preview = page.getByTestId('reqif-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('reqif-count-new')).toHaveText('2');
  await expect(preview.getByTestId('reqif-count-conflict')).toHaveText('0');
  await expect(preview.getByTestId('reqif-sample-new')).toContainText('Section 1');
  await expect(preview.getByTestId('reqif-sample-new')).toContainText('SW: Lorem Ipsum');
  // The duplicate SPEC-HIERARCHY identifier of this export is tolerated and reported.
  await expect(preview.getByTestId('reqif-warnings')).toContainText(fr.reqif.warnings.duplicateIdentifier);
  // The preview itself (counts, samples, warnings) passes axe, not only the empty page the accessibility suite opens.
  await expectAccessible(page);
  await page.getByRole('button', { name: fr.reqif.import, exact: true }).click();
  await expect(page.getByTestId('reqif-done')).toBeVisible();

  await page.goto(`/projects/${project.key}/requirements?view=flat`);
  await page.getByRole('link', { name: 'SW: Lorem Ipsum' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'SW: Lorem Ipsum' })).toBeVisible();
  // Filed under the heading that held it in Polarion, with Polarion's other attributes as fields.
  await expect(page.getByRole('navigation', { name: fr.requirements.detail.breadcrumb })).toBeVisible();
  await expect(page.getByRole('link', { name: /Section 1/ }).first()).toBeVisible();
  const origin = page.getByTestId('reqif-origin');
  await expect(origin).toContainText('LOREM-818');
  await expect(origin).toContainText('Draft');
  await expect(page.getByTestId('requirement-statement')).toContainText('The Lorem Ipsum shall do something.');

  await page.goto(`/projects/${project.key}/requirements`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: fr.reqif.exportAction }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${project.key}-exigences-\\d{4}-\\d{2}-\\d{2}\\.reqif$`));
  const xml = readFileSync((await file.path())!, 'utf8');
  expect(xml).toContain('<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"');
  expect(xml).toContain('SW: Lorem Ipsum');
  await context.close();
});

for (const role of ['amoe', 'viewer'] as const) test(`the ${role} sees no import and cannot upload`, async ({ browser }) => {
  const { context, page } = await signedInContext(browser, DEMO_USERS[role].email);
  await page.goto(`/projects/${DEMO_PROJECT.key}/requirements`);
  await expect(page.getByRole('link', { name: fr.reqif.exportAction })).toBeVisible();
  await expect(page.getByRole('link', { name: fr.reqif.importAction })).toHaveCount(0);
  await page.goto(`/projects/${DEMO_PROJECT.key}/requirements/reqif`);
  await expect(page.getByTestId('reqif-read-only')).toHaveText(fr.reqif.readOnly);
  const refused = await context.request.post(`/api/projects/${DEMO_PROJECT.key}/reqif/uploads`, {
    multipart: { file: { name: 'p.reqif', mimeType: 'application/xml', buffer: readFileSync(POLARION) } },
  });
  expect(refused.status()).toBe(403);
  await context.close();
});
