import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import frCampaigns from '../messages/fr.campaigns.json';
import frReadiness from '../messages/fr.readiness.json';
import frSignoff from '../messages/fr.signoff.json';
import { expectAccessible } from './axe';
import { DEMO_PASSWORD, DEMO_PROJECT, DEMO_USERS, closeAll, hydrated, signIn, signedInContext, unique } from './helpers';

const c = frCampaigns.campaigns;
const s = frSignoff.signoff;
const pv = frReadiness.readiness.pv;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test('the AMOE closes a campaign and requests approval of its report; the MOA reviews it on a phone, signs with the password and downloads the PV', async ({ browser }) => {
  test.setTimeout(240_000);
  const name = `VABF rapport ${unique()}`;

  // The AMOE creates a campaign, closes it, and asks the MOA to approve its report.
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto(`/projects/${DEMO_PROJECT.key}/campaigns/new`);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(c.fields.name, { exact: true }).fill(name);
  await amoe.page.getByLabel(c.fields.type).selectOption('vabf');
  await amoe.page.getByLabel(c.fields.environment).fill('Recette');
  await amoe.page.getByLabel(c.fields.build).fill('2.4.0-rc2');
  await amoe.page.getByRole('button', { name: c.form.create }).click();
  await expect(amoe.page).toHaveURL(/\/campaigns\/\d+$/);
  await hydrated(amoe.page);
  // Before the close, the report cannot be put to approval.
  await expect(amoe.page.getByTestId('campaign-report-approval')).toContainText(s.campaignReport.notClosed);
  await amoe.page.getByRole('button', { name: c.detail.close }).click();
  await amoe.page.getByRole('button', { name: c.detail.closeConfirmYes }).click();
  await expect(amoe.page.getByTestId('campaign-status')).toHaveText(c.statuses.closed);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(s.campaignReport.message).fill('La campagne est clôturée : merci de signer le PV de recette.');
  await amoe.page.getByRole('button', { name: s.campaignReport.requestSubmit }).click();
  const requestLink = amoe.page.getByTestId('campaign-report-request');
  await expect(requestLink).toBeVisible();
  await expect(amoe.page.getByRole('button', { name: s.campaignReport.requestSubmit })).toHaveCount(0);
  const requestHref = (await requestLink.getAttribute('href'))!;

  // The MOA, on a phone, finds it in the inbox, reads the frozen report and signs it.
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.moa.email);
  await page.goto(`/projects/${DEMO_PROJECT.key}/approvals`);
  const inboxLink = page.getByTestId('inbox').locator(`a[href="${requestHref}"]`);
  await expect(inboxLink).toBeVisible();
  await inboxLink.click();
  await expect(page).toHaveURL(new RegExp(`${requestHref}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  const report = page.getByTestId('campaign-report');
  await expect(report).toContainText('2.4.0-rc2');
  await expect(report.getByTestId('report-counts')).toBeVisible();
  const hash = (await page.getByTestId('content-hash').textContent())!;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await hydrated(page);
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  const form = page.getByTestId('decision-form');
  await form.getByLabel(s.decision.approved, { exact: true }).check();
  await form.getByLabel(s.signature.password).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: s.decision.submit }).click();
  await expect(page.getByTestId('decision-unavailable')).toHaveText(s.decision.alreadySigned);
  await page.reload();
  await expect(page.getByTestId('approval-status').first()).toHaveText(s.statuses.approved);
  await expect(page.getByTestId('signatures').locator('li').first()).toContainText(hash);

  // The PV de recette downloads, drawn from the frozen report, with the MOA's signature and the hash signed.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('campaign-pv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^PV-${DEMO_PROJECT.key}-campagne-\\d+-demande-\\d+\\.pdf$`));
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(fs.readFileSync((await download.path())!))), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(pv.campaignReportTitle);
  expect(flat).toContain(name);
  expect(flat).toContain('Recette / 2.4.0-rc2');
  expect(flat).toContain(`Décision : ${frReadiness.readiness.meanings.approved}`);
  expect(flat).toContain(`${DEMO_USERS.moa.name} (MOA) — ${frReadiness.readiness.meanings.approved}`);
  expect(flat).toContain(hash);
  await closeAll(amoe.context, context);
});
