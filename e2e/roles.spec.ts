import { expect, test } from '@playwright/test';
import { DEMO_PROJECT, DEMO_USERS, SECTIONS, format, fr, signIn, type Role } from './helpers';

/** Every demo role signs in, finds the demo project, and sees what its role allows — in French, by default. */
for (const role of Object.keys(DEMO_USERS) as Role[]) {
  const user = DEMO_USERS[role];

  test(`${role} (${user.email}) signs in and opens the demo project`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page.getByRole('heading', { level: 1, name: fr.projects.title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    const card = page.getByTestId('project-list').getByRole('link').filter({ hasText: DEMO_PROJECT.name });
    await expect(card).toContainText(DEMO_PROJECT.key);
    await expect(card).toContainText(DEMO_PROJECT.client);
    await expect(card).toContainText(fr.roles[role]);
    await card.click();

    await expect(page).toHaveURL(new RegExp(`/projects/${DEMO_PROJECT.key}$`));
    await expect(page.getByRole('heading', { level: 1, name: DEMO_PROJECT.name })).toBeVisible();
    await expect(page.locator('p').filter({ hasText: fr.overview.yourRole })).toContainText(fr.roles[role]);
    // The team lists all five demo accounts.
    for (const member of Object.values(DEMO_USERS)) await expect(page.getByTestId('team')).toContainText(member.name);

    const sidebar = page.getByRole('navigation', { name: fr.sections.label });
    for (const { key, slug } of SECTIONS) {
      await expect(sidebar.getByRole('link', { name: fr.sections[key], exact: true })).toHaveAttribute(
        'href',
        `/projects/${DEMO_PROJECT.key}/${slug}`,
      );
    }

    // Every role reads the requirements of the demo project.
    await sidebar.getByRole('link', { name: fr.sections.requirements, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${DEMO_PROJECT.key}/requirements$`));
    await expect(page.getByRole('heading', { level: 1, name: fr.sections.requirements })).toBeVisible();
    await expect(page.getByTestId('requirement-count')).toBeVisible();

    // Every role reads the approvals and its own "À approuver" inbox.
    await sidebar.getByRole('link', { name: fr.sections.approvals, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: fr.sections.approvals })).toBeVisible();
    await expect(page.getByTestId('inbox')).toBeVisible();

    // Every role reads the releases and their readiness (the demo has one release).
    await sidebar.getByRole('link', { name: fr.sections.readiness, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: fr.sections.readiness })).toBeVisible();
    await expect(page.getByTestId('release-row-1')).toBeVisible();

    // Settings: only an owner manages the project and its members; the others read.
    await sidebar.getByRole('link', { name: fr.sections.settings, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: fr.sections.settings })).toBeVisible();
    const members = page.getByTestId('member-table');
    for (const member of Object.values(DEMO_USERS)) await expect(members).toContainText(member.email);
    const nameField = page.getByLabel(fr.projects.name);
    await expect(nameField).toHaveValue(DEMO_PROJECT.name);

    if (role === 'owner') {
      await expect(nameField).toBeEnabled();
      await expect(page.getByRole('button', { name: fr.settings.save })).toBeVisible();
      await expect(page.getByTestId('add-member-form')).toBeVisible();
      await expect(page.getByLabel(format(fr.members.roleOf, { name: DEMO_USERS.amoe.name }))).toHaveValue('amoe');
      await expect(page.getByRole('button', { name: format(fr.members.remove, { name: DEMO_USERS.amoe.name }) })).toBeVisible();
      await expect(page.getByText(fr.settings.ownerOnly)).toHaveCount(0);
    } else {
      await expect(page.getByText(fr.settings.ownerOnly)).toBeVisible();
      await expect(nameField).toBeDisabled();
      await expect(page.getByRole('button', { name: fr.settings.save })).toHaveCount(0);
      await expect(page.getByTestId('add-member-form')).toHaveCount(0);
      await expect(members.getByRole('combobox')).toHaveCount(0);
      await expect(members.getByRole('button')).toHaveCount(0);
    }
  });
}
