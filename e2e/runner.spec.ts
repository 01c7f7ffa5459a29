import { expect, test, type Page } from '@playwright/test';
import enRunner from '../messages/en.runner.json';
import frRunner from '../messages/fr.runner.json';
import { expectAccessible } from './axe';
import { DEMO_PROJECT, DEMO_USERS, closeAll, hydrated, signedInContext } from './helpers';

/**
 * The test runner (demo campaigns 1 and 2, seeded planned over CT-1 and CT-2, assigned to the AMOE): a tester runs
 * a campaign with the keyboard only, in French and in English; a viewer reads the runs but cannot run.
 */
const runs = [
  { locale: 'fr', campaign: 1, r: frRunner.runner },
  { locale: 'en', campaign: 2, r: enRunner.runner },
] as const;

async function press(page: Page, key: string) {
  await page.keyboard.press(key);
}

for (const { locale, campaign, r } of runs) {
  test(`a tester runs campaign ${campaign} with the keyboard only (${locale})`, async ({ browser }) => {
    const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
    const { page, context } = amoe;
    await context.addCookies([{ name: 'passerelle-locale', value: locale, url: page.url() }]);
    await page.goto(`/projects/${DEMO_PROJECT.key}/campaigns/${campaign}/run`);
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(r.pageTitle.split(' ')[0]!);

    // Nothing run yet: the start button has the focus; Enter starts the first test assigned to me.
    const start = page.getByRole('button', { name: r.start });
    await expect(start).toBeFocused();
    await press(page, 'Enter');
    const steps = page.getByTestId('runner-step');
    await expect(steps.first()).toBeVisible();
    const count = await steps.count();

    // p on the first step, f on the second: the status shows at once, the failed step offers to raise an anomaly.
    await press(page, 'p');
    await expect(steps.nth(0)).toHaveAttribute('data-status', 'passed');
    if (count > 1) {
      await press(page, 'f');
      await expect(steps.nth(1)).toHaveAttribute('data-status', 'failed');
      const raise = steps.nth(1).getByTestId('raise-anomaly');
      await expect(raise).toHaveText(r.raiseAnomaly);
      await expect(raise).toHaveAttribute('href', new RegExp(`/anomalies/new\\?execution=[0-9a-f-]{36}&step=1$`));
    }
    for (let i = 2; i < count; i += 1) await press(page, 'n');
    // j / k move between steps; k then n re-answers the first one, which keeps the run failed.
    await press(page, 'k');
    await expect(page.getByTestId('runner-derived')).toContainText(count > 1 ? r.statuses.failed : r.statuses.passed);

    // "?" opens the shortcuts dialog; Escape closes it.
    await press(page, 'Shift+?');
    const dialog = page.getByRole('dialog', { name: r.shortcuts.title });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await press(page, 'Escape');
    await expect(dialog).toBeHidden();

    // The shortcuts do not fire while typing in a field.
    await page.getByLabel(r.comment).focus();
    await page.keyboard.type('fpn');
    await expect(page.getByLabel(r.comment)).toHaveValue('fpn');
    await expect(steps.nth(0)).toHaveAttribute('data-status', 'passed');
    await press(page, 'Escape');

    // Ctrl+Enter finishes with the derived result.
    await press(page, 'Control+Enter');
    await expect(page.getByTestId('runner-finished')).toContainText(count > 1 ? r.statuses.failed : r.statuses.passed);
    await expectAccessible(page);

    // Shift+N: the next test, then run it through.
    // The runner stays on the finished item (its result and retest proposals stay in view) until Shift+N.
    await expect(page).toHaveURL(/\?item=/);
    const finishedUrl = page.url();
    await press(page, 'Shift+N');
    await expect(page).not.toHaveURL(finishedUrl);
    await hydrated(page);
    await expect(page.getByRole('button', { name: r.start })).toBeFocused();
    await press(page, 'Enter');
    await expect(page.getByTestId('runner-step').first()).toBeVisible();
    const second = await page.getByTestId('runner-step').count();
    for (let i = 0; i < second; i += 1) await press(page, 'p');
    await expect(page.getByTestId('runner-step').last()).toHaveAttribute('data-status', 'passed');
    await press(page, 'Control+Enter');
    await expect(page.getByTestId('runner-finished')).toContainText(r.statuses.passed);
    await expect(page.getByText(r.noNextTest)).toBeVisible();

    // The side list shows both results; the item history shows the run as recorded.
    const states = page.getByTestId('runner-item-state');
    await expect(states.nth(0)).toHaveText(count > 1 ? r.itemStates.failed : r.itemStates.passed);
    await expect(states.nth(1)).toHaveText(r.itemStates.passed);
    await page.getByRole('link', { name: r.history }).click();
    await expect(page.getByTestId('item-run')).toHaveCount(1);
    await expectAccessible(page);
    await closeAll(context);
  });
}

test('a viewer sees the runs but cannot run', async ({ browser }) => {
  const { page, context } = await signedInContext(browser, DEMO_USERS.viewer.email);
  const r = frRunner.runner;
  await page.goto(`/projects/${DEMO_PROJECT.key}/campaigns/1/run`);
  await hydrated(page);
  await expect(page.getByTestId('runner-read-only')).toHaveText(r.readOnly);
  await expect(page.getByRole('button', { name: r.start })).toHaveCount(0);
  await expect(page.getByRole('button', { name: r.restart })).toHaveCount(0);
  await expect(page.getByTestId('runner-items')).toBeVisible();
  // Whatever was run, nothing is answerable for a viewer: every status button is disabled.
  await expect(page.locator('[data-testid="runner-step"] button[aria-pressed]:not([disabled])')).toHaveCount(0);
  await expectAccessible(page);
  await closeAll(context);
});
