import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, closeAll, expectNotFound, fr, hydrated, signedInContext, uniqueProjectKey } from './helpers';

/** On the administration page, saves who may create projects (owners inviting new addresses stays off). */
async function setProjectCreation(admin: Page, option: 'admins' | 'everyone') {
  await admin.goto('/admin/users');
  await hydrated(admin);
  const form = admin.getByTestId('instance-policy-form');
  await form.getByLabel(fr.admin.policy[option], { exact: true }).check();
  await form.getByRole('button', { name: fr.admin.policy.save }).click();
  await expect(form.getByRole('status').filter({ hasText: fr.admin.policy.saved })).toBeVisible();
}

test('a client (MOA) account is offered no project creation, and the action refuses it', async ({ browser }) => {
  const client = await signedInContext(browser, DEMO_USERS.moa.email);
  await expect(client.page.getByRole('heading', { level: 1, name: fr.projects.title })).toBeVisible();
  await expect(client.page.getByRole('link', { name: fr.projects.new })).toHaveCount(0);
  await client.page.goto('/projects/new');
  await expect(client.page.getByTestId('creation-restricted')).toHaveText(fr.projects.creationRestricted);
  await expect(client.page.getByLabel(fr.projects.key)).toHaveCount(0);

  // The administrator opens creation to every account: the client gets the form…
  const admin = await signedInContext(browser, DEMO_USERS.owner.email);
  try {
    await setProjectCreation(admin.page, 'everyone');
    await client.page.reload();
    await hydrated(client.page);
    const key = uniqueProjectKey();
    await client.page.getByLabel(fr.projects.key).fill(key);
    await client.page.getByLabel(fr.projects.name).fill('Projet du client');
    await client.page.getByLabel(fr.projects.client, { exact: true }).fill('Groupe Exemple');

    // …then closes it again before the client submits: the action itself refuses, nothing is created.
    await setProjectCreation(admin.page, 'admins');
    await client.page.getByRole('button', { name: fr.projects.create }).click();
    await expect(client.page.getByTestId('form-error')).toHaveText(fr.errors.projectCreationNotAllowed);
    await expect(client.page).toHaveURL(/\/projects\/new$/);
    await client.page.goto(`/projects/${key}`);
    await expectNotFound(client.page);
  } finally {
    await setProjectCreation(admin.page, 'admins');
  }
  await closeAll(client.context, admin.context);
});
