import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import frReadiness from '../messages/fr.readiness.json';
import frSignoff from '../messages/fr.signoff.json';
import { expectAccessible } from './axe';
import { DEMO_PASSWORD, DEMO_USERS, closeAll, fr, hydrated, signIn, signedInContext, unique } from './helpers';

const r = frReadiness.readiness;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// Several people and pages per test, on a shared machine: more room than the suite's default minute. In order: the
// MOA and the viewer read the record the AMOE made first.
test.describe.configure({ timeout: 180_000, mode: 'serial' });

let recordPath = '';

test('the AMOE creates a release with a campaign, reads its criteria and proposal, records the go / no-go and downloads the PV', async ({ browser }) => {
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  const page = amoe.page;
  await page.goto('/projects/PAIE/readiness');
  await page.getByRole('link', { name: r.new }).click();
  await hydrated(page);
  const name = `Mise en production ${unique()}`;
  await page.getByLabel(r.fields.name).fill(name);
  await page.getByLabel(r.fields.version).fill('1.5.1');
  await page.getByLabel(r.fields.targetDate).fill('2026-05-04');
  // Campaign 3 of the demo is closed: its release may be decided.
  await page.getByRole('checkbox', { name: /^3\. / }).check();
  await page.getByRole('button', { name: r.form.create }).click();
  await page.waitForURL(/\/projects\/PAIE\/readiness\/\d+$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);

  // Every criterion shows with its verdict; the demo's open bloquantes make the proposal NO-GO.
  const banner = page.getByTestId('decision-banner');
  await expect(banner).toHaveAttribute('data-decision', 'no_go');
  await expect(banner).toContainText(r.decisions.no_go);
  await expect(page.getByTestId('criteria').getByRole('listitem')).toHaveCount(9);
  await expect(page.getByTestId('criterion-blockingAnomalies')).toHaveAttribute('data-verdict', 'blocking');
  await expect(page.getByTestId('criterion-campaignsClosed')).toHaveAttribute('data-verdict', 'met');
  await expect(page.getByTestId('criterion-checklist')).toContainText('0 sur 6');
  await expect(page.getByTestId('release-campaigns')).toContainText('3.');

  // One checklist item done with its evidence: the criterion follows.
  const first = page.getByTestId('checklist-item').first();
  await first.getByLabel(r.checklist.status).selectOption('done');
  await first.getByLabel(r.checklist.evidence).fill('https://ged.exemple.fr/plan-retour.pdf');
  await first.getByRole('button', { name: r.checklist.save }).click();
  await expect(page.getByTestId('criterion-checklist')).toContainText('1 sur 6');

  // A decision other than the proposal needs its reason.
  const form = page.getByTestId('go-no-go-form');
  await form.getByRole('checkbox', { name: new RegExp(DEMO_USERS.moa.name) }).check();
  await form.getByRole('checkbox', { name: new RegExp(DEMO_USERS.amoe.name) }).check();
  await form.getByRole('radio', { name: r.decisions.go_with_reservations }).check();
  await form.getByRole('button', { name: r.goNoGo.record }).click();
  await expect(page.getByTestId('reason-error')).toHaveText(fr.validation.readiness.reasonRequired);
  // The refused record keeps what was chosen: the participants ticked, the decision, nobody else.
  await expect(form.getByRole('checkbox', { name: new RegExp(DEMO_USERS.moa.name) })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: new RegExp(DEMO_USERS.amoe.name) })).toBeChecked();
  await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(form.getByRole('radio', { name: r.decisions.go_with_reservations })).toBeChecked();
  await expect(form.getByRole('radio', { name: r.decisions.no_go })).not.toBeChecked();
  await form.getByLabel(r.goNoGo.reason).fill('Bloquantes contournées, correctif planifié en 1.5.2.');
  await form.getByRole('button', { name: r.goNoGo.record }).click();
  await page.waitForURL(/\/go-no-go\/[0-9a-f-]{36}$/);
  recordPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('decision-banner')).toHaveAttribute('data-decision', 'go_with_reservations');
  await expect(page.getByTestId('record-proposed')).toHaveText(r.decisions.no_go);
  await expect(page.getByTestId('record-participants')).toContainText(DEMO_USERS.moa.name);
  await expect(page.getByTestId('record-integrity')).toHaveText(r.record.intact);
  const hash = (await page.getByTestId('record-hash').textContent())!.trim();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('pv-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^PV-PAIE-version-\d+-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('Procès-verbal de recette');
  expect(flat).toContain(`Décision : ${r.decisions.go_with_reservations}`);
  expect(flat).toContain(name);
  expect(flat).toContain(hash);
  await closeAll(amoe.context);
});

test('the MOA reads the demo release on a phone without any control to change it, then signs the go / no-go record with the password', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.moa.email);
  await page.goto('/projects/PAIE/readiness/1');
  await expect(page.getByTestId('decision-banner')).toHaveAttribute('data-decision', 'no_go');
  await expect(page.getByTestId('criterion-campaignsClosed')).toHaveAttribute('data-verdict', 'blocking');
  await expect(page.getByTestId('release-anomalies').getByRole('link').first()).toBeVisible();
  await expect(page.getByTestId('checklist')).toBeVisible();
  await expect(page.getByTestId('checklist-editor')).toHaveCount(0);
  await expect(page.getByTestId('go-no-go-form')).toHaveCount(0);
  await expect(page.getByRole('link', { name: r.release.edit })).toHaveCount(0);
  const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  await expectAccessible(page);
  await page.goto(recordPath);
  await expect(page.getByTestId('record-integrity')).toHaveText(r.record.intact);
  await expect(page.getByTestId('decision-banner')).toHaveAttribute('data-decision', 'go_with_reservations');
  const recordWidths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
  expect(recordWidths.scroll).toBeLessThanOrEqual(recordWidths.inner);
  await hydrated(page);
  const signForm = page.getByTestId('sign-go-no-go');
  await signForm.getByLabel(r.sign.password).fill('pas le bon mot de passe');
  await signForm.getByRole('button', { name: r.sign.submit }).click();
  await expect(signForm.getByTestId('form-error')).toBeVisible();
  await signForm.getByLabel(r.sign.password).fill(DEMO_PASSWORD);
  await signForm.getByRole('button', { name: r.sign.submit }).click();
  await expect(page.getByTestId('signatures')).toContainText(DEMO_USERS.moa.name);
  await expect(page.getByTestId('signatures').getByTestId('signature-integrity')).toHaveText(frSignoff.signoff.signature.intact);
  await expect(page.getByTestId('sign-go-no-go')).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});

test('the AMOE cannot record a go / no-go while a campaign of the release is open', async ({ browser }) => {
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto('/projects/PAIE/readiness/1');
  await expect(amoe.page.getByTestId('go-no-go-blocked')).toHaveText(r.goNoGo.campaignsOpen);
  await expect(amoe.page.getByTestId('go-no-go-form')).toHaveCount(0);
  await closeAll(amoe.context);
});

test('the viewer reads releases and records and downloads the PV, and can change nothing', async ({ browser }) => {
  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  const page = viewer.page;
  await page.goto('/projects/PAIE/readiness');
  await expect(page.getByRole('link', { name: r.new })).toHaveCount(0);
  await expect(page.getByTestId('thresholds-form')).toHaveCount(0);
  await expect(page.getByTestId('thresholds')).toContainText('0');
  await page.goto('/projects/PAIE/readiness/1');
  await expect(page.getByTestId('criteria')).toBeVisible();
  await expect(page.getByTestId('checklist-editor')).toHaveCount(0);
  await expect(page.getByTestId('go-no-go-form')).toHaveCount(0);
  expect((await page.goto('/projects/PAIE/readiness/new'))!.status()).toBe(404);
  expect((await page.goto('/projects/PAIE/readiness/1/edit'))!.status()).toBe(404);
  await page.goto(recordPath);
  const href = (await page.getByTestId('pv-download').getAttribute('href'))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  // The PV shows the MOA's signature, with the hash of the record signed.
  const hash = (await page.getByTestId('record-hash').textContent())!.trim();
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(`${DEMO_USERS.moa.name} (MOA) — GO`);
  expect(flat).toContain(hash);
  await expect(page.getByTestId('sign-go-no-go')).toHaveCount(0);
  await closeAll(viewer.context);
});
