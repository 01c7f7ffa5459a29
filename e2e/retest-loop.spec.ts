import { expect, test, type Locator, type Page } from '@playwright/test';
import enAnomalies from '../messages/en.anomalies.json';
import frAnomalies from '../messages/fr.anomalies.json';
import frCampaigns from '../messages/fr.campaigns.json';
import frEvidence from '../messages/fr.evidence.json';
import frRunner from '../messages/fr.runner.json';
import { expectAccessible } from './axe';
import { DEMO_USERS, closeAll, hydrated, signedInContext, unique } from './helpers';

/**
 * The whole retest loop in the browser, on a campaign of its own: the AMOE runs a test, fails a step, pastes a
 * screenshot into the step's evidence, raises the pre-filled anomaly from it, carries it to "à retester"; the item
 * is flagged in the runner, the retest passes, the tester confirms, the anomaly is closed. And a file dropped on the
 * evidence panel is uploaded.
 */
const r = frRunner.runner;
const ano = frAnomalies.anomalies;
const c = frCampaigns.campaigns;
const ev = frEvidence.evidence;

test.describe.configure({ timeout: 240_000 });

/** A 1×1 PNG, a real image the server's content check accepts. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A campaign scoped to one demo test case, made through the pages; answers the runner's address. */
async function campaignOf(page: Page, testCaseRef: string): Promise<string> {
  await page.goto('/projects/PAIE/campaigns/new');
  await hydrated(page);
  await page.getByLabel(c.fields.name, { exact: true }).fill(`Retest ${unique()}`);
  await page.getByLabel(c.fields.type).selectOption('non_regression');
  await page.getByRole('button', { name: c.form.create }).click();
  await expect(page).toHaveURL(/\/projects\/PAIE\/campaigns\/\d+$/);
  const address = new URL(page.url()).pathname;
  await hydrated(page);
  const scope = page.getByTestId('scope-tools');
  await scope.getByLabel(c.scope.method).selectOption('testCase');
  await scope.getByLabel(c.scope.ref).fill(testCaseRef);
  await scope.getByRole('button', { name: c.scope.add }).click();
  await expect(page.getByTestId('items-total')).toHaveText(/^1 /);
  return `${address}/run`;
}

/** Starts the campaign's only test in the runner and answers its steps' count. */
async function startRun(page: Page, runner: string): Promise<Locator> {
  await page.goto(runner);
  await hydrated(page);
  await page.getByRole('button', { name: r.start }).click();
  const steps = page.getByTestId('runner-step');
  await expect(steps.first()).toBeVisible();
  return steps;
}

/** A real paste event carrying a PNG file, as the browser sends one for a screenshot pasted with Ctrl+V. */
async function pasteScreenshot(panel: Locator) {
  await panel.evaluate((element, base64) => {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG_BASE64);
}

async function move(page: Page, to: keyof typeof ano.moveTo) {
  await hydrated(page);
  await page.getByTestId('anomaly-move').getByRole('button', { name: ano.moveTo[to], exact: true }).click();
  await expect(page.getByTestId('anomaly-status')).toHaveText(ano.statuses[to as keyof typeof ano.statuses]);
}

test('fail a step, paste a screenshot, raise the anomaly, à retester, the retest passes, the anomaly is closed', async ({ browser, baseURL }) => {
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  const page = amoe.page;
  const runner = await campaignOf(page, 'CT-1');

  // The run: step 1 passes, step 2 fails; a screenshot pasted into step 2's evidence shows as a thumbnail.
  const steps = await startRun(page, runner);
  await expect(steps).toHaveCount(3);
  await page.keyboard.press('p');
  await page.keyboard.press('f');
  await expect(steps.nth(1)).toHaveAttribute('data-status', 'failed');
  await steps.nth(1).click();
  const panel = steps.nth(1).locator('[data-evidence-panel]');
  await expect(panel).toBeVisible();
  await pasteScreenshot(panel);
  await expect(panel.getByRole('status')).toContainText(/capture-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.png/);
  const thumbnail = panel.getByRole('list', { name: ev.images }).getByRole('img');
  await expect(thumbnail).toHaveCount(1);
  const screenshotName = (await thumbnail.getAttribute('alt'))!;
  // The thumbnail is the stored image itself, served back by the download route.
  await thumbnail.scrollIntoViewIfNeeded();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(1);
  await steps.nth(2).getByRole('button', { name: r.stepStatuses.passed }).click();
  await expect(steps.nth(2)).toHaveAttribute('data-status', 'passed');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('runner-finished')).toContainText(r.statuses.failed);
  await expect(page).toHaveURL(/\?item=/);
  const finishedRun = page.url();

  // The anomaly, raised from the failed step: pre-filled, and the step's screenshot is its evidence.
  await steps.nth(1).getByTestId('raise-anomaly').click();
  await expect(page).toHaveURL(/\/anomalies\/new\?execution=[0-9a-f-]{36}&step=1$/);
  await expect(page.getByTestId('anomaly-origin')).toBeVisible();
  await hydrated(page);
  await expect(page.getByLabel(ano.fields.title, { exact: true })).not.toHaveValue('');
  await expect(page.getByTestId('anomaly-test-case')).toContainText('CT-1');
  await expectAccessible(page);
  await page.getByLabel(ano.fields.severity, { exact: true }).selectOption('blocking');
  await page.getByRole('button', { name: ano.form.create }).click();
  await expect(page).toHaveURL(/\/anomalies\/ANO-\d+$/);
  const anomalyUrl = new URL(page.url()).pathname;
  const anomalyRef = anomalyUrl.split('/').pop()!;
  await expect(page.getByTestId('anomaly-status')).toHaveText(ano.statuses.new);
  await expect(page.getByTestId('anomaly-evidence')).toContainText(screenshotName);

  // The AMOE fixes it and hands it over for retest, as the workflow allows.
  await move(page, 'fixing');
  await move(page, 'to_retest');

  // In the runner the item is flagged "à retester"; the retest passes and proposes to close the anomaly.
  await page.goto(finishedRun);
  await hydrated(page);
  await expect(page.getByTestId('runner-items')).toContainText(r.toRetest);
  await page.getByRole('button', { name: r.restart }).click();
  await expect(steps.first()).toHaveAttribute('data-status', 'none');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('p');
  await expect(steps.nth(2)).toHaveAttribute('data-status', 'passed');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('runner-finished')).toContainText(r.statuses.passed);
  const proposals = page.getByTestId('runner-retests');
  await expect(proposals).toContainText(r.retests.close.replace('{ref}', anomalyRef));
  await expectAccessible(page);
  await proposals.getByRole('button', { name: r.retests.confirm }).click();
  await expect(page.getByTestId('runner-items')).not.toContainText(r.toRetest);

  // The campaign's dashboard counts the item by its latest run: passed, no longer failed.
  await page.goto(runner.replace(/\/run$/, ''));
  await expect(page.getByTestId('progress-passed')).toHaveText('1');
  await expect(page.getByTestId('progress-failed')).toHaveText('0');

  // The anomaly is closed, its history says so; in English too.
  await page.goto(anomalyUrl);
  await expect(page.getByTestId('anomaly-status')).toHaveText(ano.statuses.closed);
  await expect(page.getByTestId('anomaly-history').getByTestId('history-status')).toHaveCount(3);
  await amoe.context.addCookies([{ name: 'passerelle-locale', value: 'en', url: baseURL! }]);
  await page.reload();
  await expect(page.getByTestId('anomaly-status')).toHaveText(enAnomalies.anomalies.statuses.closed);
  await closeAll(amoe.context);
});

test('a file dropped on the evidence panel is uploaded and listed', async ({ browser }) => {
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  const page = amoe.page;
  const steps = await startRun(page, await campaignOf(page, 'CT-2'));
  await expect(steps.first()).toBeVisible();
  const runEvidence = page.locator('section[aria-labelledby="runner-execution-evidence"] [data-evidence-panel]');
  const zone = runEvidence.locator('input[type="file"]').locator('..');
  const dataTransfer = await page.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'écran-déposé.png', { type: 'image/png' }));
    data.items.add(new File(['2026-03-02 09:14:07 ERREUR calcul du net\n'], 'journal.log', { type: 'text/plain' }));
    return data;
  }, PNG_BASE64);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/border-primary/);
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(runEvidence.getByRole('status')).toContainText('écran-déposé.png');
  await expect(runEvidence.getByRole('list', { name: ev.images }).getByRole('img', { name: 'écran-déposé.png' })).toBeVisible();
  await expect(runEvidence.getByRole('list', { name: ev.files }).getByRole('link', { name: 'journal.log' })).toBeVisible();
  await expect(zone).not.toHaveClass(/border-primary/);
  // Kept by the server: still there once the page is read again.
  await page.reload();
  await expect(page.getByRole('img', { name: 'écran-déposé.png' })).toBeVisible();
  await closeAll(amoe.context);
});
