import { expect, test } from '@playwright/test';
import frNotifications from '../messages/fr.notifications.json';
import frSignoff from '../messages/fr.signoff.json';
import { expectAccessible } from './axe';
import { DEMO_PROJECT, DEMO_USERS, chooseBaselineSpecifications, closeAll, hydrated, signedInContext, unique } from './helpers';

const n = frNotifications.notifications;
const s = frSignoff.signoff;

test('the AMOE requests an approval; the MOA sees the bell count, opens the feed on a phone and follows the link', async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `Ligne de base notifiée ${unique()}`;

  const moa = await signedInContext(browser, DEMO_USERS.moa.email);
  await moa.page.goto('/projects');
  const bell = moa.page.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  const unreadBefore = Number((await moa.page.getByTestId('notification-count').textContent({ timeout: 1000 }).catch(() => '0')) ?? 0);

  // The AMOE freezes a baseline and asks for its approval (the MOA approves under the demo's RACI).
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto(`/projects/${DEMO_PROJECT.key}/approvals/baselines`);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(s.baselines.create.name).fill(name);
  await chooseBaselineSpecifications(amoe.page, 1);
  await amoe.page.getByRole('button', { name: s.baselines.create.submit }).click();
  const row = amoe.page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await hydrated(amoe.page);
  await amoe.page.getByLabel(s.baselines.message).fill('Merci de valider.');
  await amoe.page.getByRole('button', { name: s.baselines.requestSubmit }).click();
  const requestLink = amoe.page.getByTestId('baseline-requests').getByRole('link');
  await expect(requestLink).toBeVisible();
  const requestHref = (await requestLink.getAttribute('href'))!;

  // The MOA, on a phone: the bell counts one more, in French.
  await moa.page.setViewportSize({ width: 390, height: 844 });
  await moa.page.reload();
  const count = moa.page.getByTestId('notification-count');
  await expect(count).toBeVisible();
  const unread = Number(await count.textContent());
  expect(unread).toBeGreaterThan(unreadBefore);
  await expect(bell).toHaveAttribute('aria-label', new RegExp(`^Notifications, ${unread} non lue`));

  await bell.click();
  await expect(moa.page).toHaveURL(/\/notifications$/);
  await expect(moa.page.getByRole('heading', { level: 1, name: n.title })).toBeVisible();
  await hydrated(moa.page);
  const link = moa.page.getByTestId('notification-list').locator(`a[href="${requestHref}"]`);
  await expect(link).toContainText(`Approbation demandée : LDB-`);
  await expect(link).toContainText(name);
  await expectAccessible(moa.page);
  expect(await moa.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await expect(link).toContainText(n.unread);

  // Following it marks it read and opens the request. The demo MOA's other notifications come and go with the tests
  // running beside this one (two workers): what is checked is this notification, not the bell's total.
  await link.click();
  await expect(moa.page).toHaveURL(new RegExp(`${requestHref}$`));
  await expect(moa.page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
  await moa.page.goto('/notifications');
  await hydrated(moa.page);
  await expect(link).toContainText(name);
  await expect(link).not.toContainText(n.unread);

  // Keyboard: the feed's "tout marquer comme lu" empties the count.
  const markAll = moa.page.getByRole('button', { name: n.markAllRead });
  if (await markAll.count()) {
    await markAll.focus();
    await moa.page.keyboard.press('Enter');
    await expect(moa.page.getByTestId('notification-count')).toHaveCount(0);
  }
  await closeAll(moa.context, amoe.context);
});
