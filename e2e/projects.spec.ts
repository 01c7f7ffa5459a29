import { expect, test } from '@playwright/test';
import {
  DEMO_USERS,
  SECTIONS,
  addMember,
  choosePassword,
  closeAll,
  createProject,
  expectNotFound,
  fr,
  hydrated,
  signIn,
  signedInContext,
  unique,
  uniqueEmail,
  uniqueProjectKey,
} from './helpers';

test('create a project and land on it as its owner', async ({ page }) => {
  // The default instance policy: administrators create projects (Claire is one).
  await signIn(page, DEMO_USERS.owner.email);
  await page.getByRole('link', { name: fr.projects.new }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.projects.new })).toBeVisible();

  const key = uniqueProjectKey();
  const name = `Migration comptable ${unique()}`;
  await page.getByLabel(fr.projects.key).fill(key.toLowerCase()); // keys are upper-cased
  await page.getByLabel(fr.projects.name).fill(name);
  await page.getByLabel(fr.projects.client, { exact: true }).fill('Mutuelle Exemple');
  await page.getByLabel(fr.projects.description).fill('Reprise des écritures et des tiers.');
  await page.getByRole('button', { name: fr.projects.create }).click();

  await expect(page).toHaveURL(new RegExp(`/projects/${key}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('p').filter({ hasText: fr.overview.yourRole })).toContainText(fr.roles.owner);
  await expect(page.getByText('Reprise des écritures et des tiers.')).toBeVisible();
  await expect(page.getByTestId('team')).toContainText(DEMO_USERS.owner.name);
  await expect(page.getByTestId('project-switcher')).toContainText(key);

  // It is listed in "Mes projets" next to the demo project.
  await page.goto('/projects');
  await expect(page.getByTestId('project-list')).toContainText(name);
  await expect(page.getByTestId('project-list')).toContainText('Refonte du SI de paie');

  // The key is taken now.
  await page.goto('/projects/new');
  await hydrated(page);
  await page.getByLabel(fr.projects.key).fill(key);
  await page.getByLabel(fr.projects.name).fill('Doublon');
  await page.getByLabel(fr.projects.client, { exact: true }).fill('Client');
  await page.getByRole('button', { name: fr.projects.create }).click();
  await expect(page.getByTestId('key-error')).toHaveText(fr.validation.project.keyTaken);
  await expect(page).toHaveURL(/\/projects\/new$/);
});

test('an invalid project key shows the field error and keeps what was typed', async ({ page }) => {
  await signIn(page, DEMO_USERS.owner.email);
  await page.goto('/projects/new');
  await hydrated(page);
  const name = `Projet refusé ${unique()}`;
  await page.getByLabel(fr.projects.key).fill('9-FAUX');
  await page.getByLabel(fr.projects.name).fill(name);
  await page.getByLabel(fr.projects.client, { exact: true }).fill('Client patient');
  await page.getByLabel(fr.projects.description).fill('Une description à ne pas perdre.');
  await page.getByRole('button', { name: fr.projects.create }).click();

  await expect(page.getByTestId('key-error')).toHaveText(fr.validation.project.keyFormat);
  await expect(page.getByTestId('form-error')).toHaveText(fr.errors.invalid);
  await expect(page).toHaveURL(/\/projects\/new$/);
  await expect(page.getByLabel(fr.projects.key)).toHaveValue('9-FAUX');
  await expect(page.getByLabel(fr.projects.name)).toHaveValue(name);
  await expect(page.getByLabel(fr.projects.client, { exact: true })).toHaveValue('Client patient');
  await expect(page.getByLabel(fr.projects.description)).toHaveValue('Une description à ne pas perdre.');
});

test('an added member sees the project; a non-member gets a 404 on every page of it', async ({ browser }) => {
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  await addMember(owner.page, project.key, { email: DEMO_USERS.moa.email, name: DEMO_USERS.moa.name, role: 'moa' });
  await expect(owner.page.getByLabel(`Rôle de ${DEMO_USERS.moa.name}`)).toHaveValue('moa');

  // The member, in another browser, finds it in "Mes projets" with the role given.
  const member = await signedInContext(browser, DEMO_USERS.moa.email);
  const card = member.page.getByTestId('project-list').getByRole('link').filter({ hasText: project.name });
  await expect(card).toContainText(fr.roles.moa);
  await card.click();
  await expect(member.page.getByRole('heading', { level: 1, name: project.name })).toBeVisible();
  await expect(member.page.locator('p').filter({ hasText: fr.overview.yourRole })).toContainText(fr.roles.moa);
  await member.page.goto(`/projects/${project.key}/settings`);
  await expect(member.page.getByText(fr.settings.ownerOnly)).toBeVisible();

  // A demo account that was not added: the project does not exist as far as it can tell.
  const outsider = await signedInContext(browser, DEMO_USERS.viewer.email);
  await expect(outsider.page.getByTestId('project-list')).not.toContainText(project.name);
  for (const path of ['', '/settings', '/audit', ...SECTIONS.map((s) => `/${s.slug}`)]) {
    const response = await outsider.page.goto(`/projects/${project.key}${path}`);
    expect(response?.status(), `status of /projects/${project.key}${path}`).toBe(404);
    await expectNotFound(outsider.page);
    await expect(outsider.page.getByText(project.name)).toHaveCount(0);
  }
  // Same answer as for a project that does not exist at all.
  const missing = await outsider.page.goto(`/projects/${uniqueProjectKey()}`);
  expect(missing?.status()).toBe(404);
  await expectNotFound(outsider.page);

  await closeAll(owner.context, member.context, outsider.context);
});

test('a removed member loses access on the next request', async ({ browser }) => {
  const person = DEMO_USERS.amoe;
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  await addMember(owner.page, project.key, { email: person.email, name: person.name, role: 'amoa' });

  const member = await signedInContext(browser, person.email);
  await member.page.goto(`/projects/${project.key}`);
  await expect(member.page.getByRole('heading', { level: 1, name: project.name })).toBeVisible();

  owner.page.once('dialog', (dialog) => void dialog.accept());
  await owner.page.getByRole('button', { name: `Retirer ${person.name} du projet` }).click();
  await expect(owner.page.getByTestId(`member-${person.email}`)).toHaveCount(0);

  await member.page.reload();
  await expectNotFound(member.page);
  await closeAll(owner.context, member.context);
});

test('inviting a new e-mail gives a one-time link to choose a password', async ({ browser }) => {
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  const email = uniqueEmail('invite');
  const name = `Invitée ${unique()}`;
  const password = `une phrase de passe ${unique()}`;

  // Without a name, a new e-mail is refused with a field error (nothing is lost).
  await owner.page.goto(`/projects/${project.key}/settings`);
  await hydrated(owner.page);
  const form = owner.page.getByTestId('add-member-form');
  await form.getByLabel(fr.members.email).fill(email);
  await form.getByRole('button', { name: fr.members.addSubmit }).click();
  await expect(form.getByTestId('name-error')).toHaveText(fr.validation.member.nameForNewAccount);
  await expect(form.getByLabel(fr.members.email)).toHaveValue(email);

  const link = await addMember(owner.page, project.key, { email, name, role: 'amoa', newAccount: true });
  expect(link).toMatch(/^\/set-password\/[^/]+$/);
  await expect(owner.page.getByText(fr.members.setupLinkIntro)).toBeVisible();
  await expect(owner.page.getByTestId(`member-${email}`)).toContainText(fr.members.pending);

  // The invited person, in their own browser, opens the link, chooses a password and signs in.
  const invited = await browser.newContext();
  const page = await invited.newPage();
  await page.goto(link!);
  await expect(page.getByText(`${name} (${email})`)).toBeVisible();
  await choosePassword(page, link!, password);
  await page.getByRole('link', { name: fr.auth.signIn }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, email, password);
  const card = page.getByTestId('project-list').getByRole('link').filter({ hasText: project.name });
  await expect(card).toContainText(fr.roles.amoa);
  await card.click();
  await expect(page.getByRole('heading', { level: 1, name: project.name })).toBeVisible();

  // The link worked once; it is dead now.
  await page.goto(link!);
  await expect(page.getByText(fr.auth.linkInvalid)).toBeVisible();
  await expect(page.getByLabel(fr.auth.newPassword, { exact: true })).toHaveCount(0);
  await closeAll(owner.context, invited);
});

test('the journal lists the project events in Paris time, and its filters narrow them', async ({ page }) => {
  await signIn(page, DEMO_USERS.owner.email);
  const project = await createProject(page);
  const startedAt = new Date();
  await addMember(page, project.key, { email: DEMO_USERS.amoe.email, name: DEMO_USERS.amoe.name, role: 'viewer' });
  await addMember(page, project.key, { email: DEMO_USERS.amoa.email, name: DEMO_USERS.amoa.name, role: 'amoa' });
  const endedAt = new Date();

  await page.getByRole('navigation', { name: fr.sections.label }).getByRole('link', { name: fr.sections.audit }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.sections.audit })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: fr.audit.when })).toBeVisible();
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  // Newest first: the two member additions, then the owner's own membership and the project's creation.
  await expect(rows.first()).toContainText(fr.audit.actions.add);
  await expect(rows.first()).toContainText(fr.audit.entities.member);
  await expect(rows.first()).toContainText(DEMO_USERS.owner.name);
  await expect(page.getByTestId('audit-table')).toContainText(fr.audit.actions.create);
  await expect(page.getByTestId('audit-table')).toContainText(fr.audit.entities.project);

  // The time shown is Paris time (dd/mm/yyyy hh:mm:ss), whatever the server's own time zone.
  const paris = (at: Date) =>
    new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(at);
  const shown = (await rows.first().locator('td').first().innerText()).trim();
  expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  expect([paris(startedAt), paris(endedAt)]).toContain(shown.slice(0, 16));

  // The row holds the member's id only: the name is joined from the accounts when the journal is read. The details
  // unfold the change, without any e-mail.
  await expect(rows.first()).toContainText(DEMO_USERS.amoa.name);
  await rows.first().getByText(fr.audit.show).click();
  await expect(rows.first()).toContainText('"role": "amoa"');
  await expect(rows.first()).not.toContainText(DEMO_USERS.amoa.email);

  // Filter on the action: only the additions remain (the owner's own, made with the project, and the two others).
  await expect(rows).toHaveCount(4);
  await page.getByLabel(fr.audit.action, { exact: true }).selectOption({ label: fr.audit.actions.add });
  await page.getByRole('button', { name: fr.audit.filter }).click();
  await expect(page).toHaveURL(/action=add/);
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toContainText(fr.audit.actions.add);
  await expect(page.getByLabel(fr.audit.action, { exact: true })).toHaveValue('add');

  // Filter on the object: only the project's creation.
  await page.getByLabel(fr.audit.action, { exact: true }).selectOption('');
  await page.getByLabel(fr.audit.what, { exact: true }).selectOption({ label: fr.audit.entities.project });
  await page.getByRole('button', { name: fr.audit.filter }).click();
  await expect(page).toHaveURL(/entity=project/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(fr.audit.actions.create);

  // A period with nothing in it.
  await page.goto(`/projects/${project.key}/audit?from=2000-01-01&to=2000-01-31`);
  await expect(page.getByText(fr.audit.empty)).toBeVisible();
  await expect(page.getByTestId('audit-table')).toHaveCount(0);
});
