import { expect, test, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import frReadiness from '../messages/fr.readiness.json';
import { expectAccessible } from './axe';
import { DEMO_PASSWORD, DEMO_USERS, closeAll, fr, hydrated, signIn, signedInContext, unique } from './helpers';

const r = frReadiness.readiness;
const g = r.goLive;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test.describe.configure({ timeout: 180_000, mode: 'serial' });

async function noSideScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
}

test('the MOA reads the demo go-live on a phone and, the VSR over, signs the recette définitive with the password; its PV prints it', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.moa.email);
  await page.goto('/projects/PAIE/readiness/2/go-live');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(g.title);
  await expect(page.getByTestId('go-live-record')).toContainText('1.4.0');
  await expect(page.getByTestId('go-live-runbook').getByRole('listitem')).toHaveCount(5);
  await expect(page.getByTestId('vsr-period')).toHaveAttribute('data-over', 'true');
  await noSideScroll(page);
  await expectAccessible(page);
  await hydrated(page);

  // An ajournement without its reason is refused, and the form keeps the choice made.
  const form = page.getByTestId('final-decision-form');
  await form.getByRole('radio', { name: g.decisions.adjourned }).check();
  await form.getByLabel(r.sign.password).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: r.sign.submit }).click();
  await expect(form.getByTestId('reason-error')).toHaveText(fr.validation.reasonRequired);
  await expect(form.getByRole('radio', { name: g.decisions.adjourned })).toBeChecked();

  await form.getByRole('radio', { name: g.decisions.accepted }).check();
  await form.getByLabel(r.sign.password).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: r.sign.submit }).click();
  const decisions = page.getByTestId('final-decisions');
  await expect(decisions.getByRole('listitem').first()).toHaveAttribute('data-decision', 'accepted');
  await expect(decisions).toContainText(g.decisions.accepted);
  await expect(decisions.getByTestId('signatures')).toContainText(DEMO_USERS.moa.name);
  await expect(page.getByTestId('final-decision-form')).toHaveCount(0);
  await expect(page.getByTestId('vsr-period')).toContainText(g.accepted);
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByTestId('final-pv-link').first().click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(r.pv.finalTitle);
  expect(flat).toContain(`Décision : ${g.decisions.accepted}`);
  expect(flat).toContain(`${DEMO_USERS.moa.name} (MOA) — ${r.meanings.approved}`);
  await context.close();
});

test('after the MOA signs a GO, the AMOE records the go-live with its runbook; the viewer reads it and can change nothing', async ({ browser }) => {
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  const page = amoe.page;
  await page.goto('/projects/PAIE/readiness/new');
  await hydrated(page);
  await page.getByLabel(r.fields.name).fill(`Mise en production ${unique()}`);
  await page.getByLabel(r.fields.version).fill('1.6.0');
  await page.getByRole('checkbox', { name: /^3\. / }).check();
  await page.getByRole('button', { name: r.form.create }).click();
  await page.waitForURL(/\/readiness\/\d+$/);
  const releasePath = new URL(page.url()).pathname;
  await page.goto(`${releasePath}/go-live`);
  await expect(page.getByTestId('go-live-blocked')).toHaveText(g.needsSignedGo);
  await expect(page.getByTestId('go-live-form')).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(releasePath);
  await hydrated(page);
  const goNoGo = page.getByTestId('go-no-go-form');
  // The demo's campaign 3 leaves bloquantes open (NO-GO proposed): the meeting decides GO avec réserves, with why.
  await goNoGo.getByRole('checkbox', { name: new RegExp(DEMO_USERS.moa.name) }).check();
  await goNoGo.getByRole('radio', { name: r.decisions.go_with_reservations }).check();
  await goNoGo.getByLabel(r.goNoGo.reason).fill('Contournements validés pour les bloquantes, correctifs en 1.6.1.');
  await goNoGo.getByRole('button', { name: r.goNoGo.record }).click();
  await page.waitForURL(/\/go-no-go\/[0-9a-f-]{36}$/);
  const recordPath = new URL(page.url()).pathname;

  const moa = await signedInContext(browser, DEMO_USERS.moa.email);
  await moa.page.goto(recordPath);
  await hydrated(moa.page);
  const sign = moa.page.getByTestId('sign-go-no-go');
  await sign.getByLabel(r.sign.password).fill(DEMO_PASSWORD);
  await sign.getByRole('button', { name: r.sign.submit }).click();
  await expect(moa.page.getByTestId('signatures')).toContainText(DEMO_USERS.moa.name);

  await page.goto(`${releasePath}/go-live`);
  await hydrated(page);
  const form = page.getByTestId('go-live-form');
  await form.getByLabel(g.deployedAt).fill('2026-03-14T21:30');
  await form.getByLabel(g.deployedBy).fill('Équipe d’exploitation');
  await form.getByLabel(g.stepDoneAt.replace('{n}', '2')).fill('2026-03-14T21:45');
  await form.getByLabel(g.stepLabel.replace('{n}', '5'), { exact: true }).fill('');
  await form.getByRole('button', { name: g.submit }).click();
  await expect(page.getByTestId('go-live-record')).toContainText('1.6.0');
  await expect(page.getByTestId('go-live-record')).toContainText('14 mars 2026');
  await expect(page.getByTestId('go-live-runbook').getByRole('listitem')).toHaveCount(4);
  await expect(page.getByTestId('go-live-runbook').getByRole('listitem').nth(1)).toContainText('21:45');
  await expect(page.getByTestId('vsr-period')).toHaveAttribute('data-over', 'true');
  await expectAccessible(page);

  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  await viewer.page.goto(`${releasePath}/go-live`);
  await expect(viewer.page.getByTestId('go-live-record')).toContainText('1.6.0');
  await expect(viewer.page.getByTestId('final-decision-form')).toHaveCount(0);
  await expect(viewer.page.getByTestId('go-live-form')).toHaveCount(0);
  await closeAll(amoe.context, moa.context, viewer.context);
});
