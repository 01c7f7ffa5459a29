import { expect, test } from '@playwright/test';
import frArchive from '../messages/fr.archive.json';
import { expectAccessible } from './axe';
import { DEMO_PROJECT, DEMO_USERS, closeAll, hydrated, signedInContext, uniqueProjectKey } from './helpers';

const ar = frArchive.archive;

test.describe.configure({ timeout: 180_000 });

test('the owner downloads the whole project and imports it as a new project, which holds the same items', async ({ browser }) => {
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  await owner.page.goto(`/projects/${DEMO_PROJECT.key}/settings`);
  const [download] = await Promise.all([owner.page.waitForEvent('download'), owner.page.getByTestId('export-project-archive').click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const archive = await download.path();

  await owner.page.goto('/projects');
  await owner.page.getByRole('link', { name: ar.import.link }).click();
  await expect(owner.page.getByRole('heading', { level: 1, name: ar.import.title })).toBeVisible();
  await hydrated(owner.page);
  await expectAccessible(owner.page);
  const key = uniqueProjectKey();
  await owner.page.getByLabel(ar.import.file).setInputFiles(archive);
  await owner.page.getByLabel(ar.import.key).fill(key);
  await owner.page.getByLabel(ar.import.name).fill('Copie de la paie');
  await owner.page.getByRole('button', { name: ar.import.submit }).click();
  await expect(owner.page.getByTestId('import-project-done')).toContainText(key, { timeout: 120_000 });

  await owner.page.getByRole('link', { name: ar.import.open }).click();
  await expect(owner.page).toHaveURL(new RegExp(`/projects/${key}$`));
  // The same requirement under the same ref, and the same campaigns, in the new project.
  await owner.page.goto(`/projects/${key}/requirements/EXF-1`);
  await expect(owner.page.getByRole('heading', { level: 1 })).toContainText('Calcul de la paie');
  await owner.page.goto(`/projects/${key}/campaigns/4`);
  await expect(owner.page.getByRole('heading', { level: 1 })).toContainText('Non-régression 1.5');
  await closeAll(owner.context);
});

test('a member who is not the owner cannot download the archive', async ({ browser }) => {
  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  const response = await viewer.page.request.get(`/api/projects/${DEMO_PROJECT.key}/archive`);
  expect([403, 404]).toContain(response.status());
  await viewer.page.goto(`/projects/${DEMO_PROJECT.key}/settings`);
  await expect(viewer.page.getByTestId('export-project-archive')).toHaveCount(0);
  await closeAll(viewer.context);
});
