import fs from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { CRITERION_KEYS } from '../lib/signoff/decision';
import enAnomalies from '../messages/en.anomalies.json';
import enCampaigns from '../messages/en.campaigns.json';
import enReadiness from '../messages/en.readiness.json';
import enSignoff from '../messages/en.signoff.json';
import frAnomalies from '../messages/fr.anomalies.json';
import frCampaigns from '../messages/fr.campaigns.json';
import frReadiness from '../messages/fr.readiness.json';
import frSpecifications from '../messages/fr.specifications.json';
import frSignoff from '../messages/fr.signoff.json';
import { expectAccessible } from './axe';
import { DEMO_PASSWORD, DEMO_USERS, addMember, chooseBaselineSpecifications, closeAll, createProject, hydrated, signedInContext, unique } from './helpers';

/**
 * The MOA's journey through reservations (issue 9), in the browser, on a project of its own: the AMOE asks
 * for the baseline's approval; the MOA, on a phone, approves it with a reservation on the anomaly and signs with
 * the password; the anomaly is fixed, delivered and closed after its retest; the MOA lifts the reservation with a
 * signature and downloads the PV de levée, whose text holds that signature and the hash signed; the viewer sees it
 * all and signs nothing. Then the project's release shows GO, its go / no-go is signed by the MOA and its PV de
 * recette holds that signature. Once in French, once in English.
 */
const CATALOGUES = {
  fr: { s: frSignoff.signoff, ano: frAnomalies.anomalies, r: frReadiness.readiness, c: frCampaigns.campaigns, lifted: 'Réserve levée', role: frSignoff.signoff.roles.moa, pvTitle: 'Procès-verbal de levée de la réserve' },
  en: { s: enSignoff.signoff, ano: enAnomalies.anomalies, r: enReadiness.readiness, c: enCampaigns.campaigns, lifted: 'Reservation lifted', role: enSignoff.signoff.roles.moa, pvTitle: 'Minutes of the lifting of reservation' },
} as const;

type Lang = keyof typeof CATALOGUES;

test.describe.configure({ timeout: 300_000 });

const PHONE = { width: 390, height: 844 };

/** A signed-in person, their pages in the language of the run (the language cookie, as the switch sets it). */
async function person(browser: Browser, role: keyof typeof DEMO_USERS, lang: Lang, baseURL: string) {
  const { context, page } = await signedInContext(browser, DEMO_USERS[role].email);
  await context.addCookies([{ name: 'passerelle-locale', value: lang, url: baseURL }]);
  return { context, page };
}

async function move(page: Page, lang: Lang, to: 'fixing' | 'to_retest' | 'closed') {
  const { ano } = CATALOGUES[lang];
  await hydrated(page);
  await page.getByTestId('anomaly-move').getByRole('button', { name: ano.moveTo[to], exact: true }).click();
  await expect(page.getByTestId('anomaly-status')).toHaveText(ano.statuses[to]);
}

async function fitsWidth(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/**
 * Then the release, on the journey's own project: the AMOE runs a campaign and closes it, makes it a release and
 * settles its checklist; with the anomaly closed, the reservation lifted and the baseline approved, the page
 * proposes GO. The AMOE records that go / no-go; the MOA, on the phone, signs it with the password; the PV de
 * recette downloads with the decision, that signature and the record's hash; the viewer reads the record and has
 * nothing to sign.
 */
async function goNoGo(lang: Lang, project: string, key: string, amoe: Page, moa: Page, viewer: Page) {
  const { r, c } = CATALOGUES[lang];
  // The recette is over: a campaign of the project, closed (nothing in it to retest).
  await amoe.goto(`${project}/campaigns/new`);
  await hydrated(amoe);
  const campaign = `VABF MOA ${unique()}`;
  await amoe.getByLabel(c.fields.name, { exact: true }).fill(campaign);
  await amoe.getByLabel(c.fields.type).selectOption('vabf');
  await amoe.getByLabel(c.fields.environment).fill('Recette');
  await amoe.getByLabel(c.fields.build).fill('2.0.0-rc1');
  await amoe.getByRole('button', { name: c.form.create }).click();
  await expect(amoe).toHaveURL(/\/campaigns\/\d+$/);
  await hydrated(amoe);
  await amoe.getByRole('button', { name: c.detail.close }).click();
  await amoe.getByRole('button', { name: c.detail.closeConfirmYes }).click();
  await expect(amoe.getByTestId('campaign-status')).toHaveText(c.statuses.closed);

  await amoe.goto(`${project}/readiness`);
  await amoe.getByRole('link', { name: r.new }).click();
  await hydrated(amoe);
  const name = `Version MOA ${unique()}`;
  await amoe.getByLabel(r.fields.name).fill(name);
  await amoe.getByLabel(r.fields.version).fill('2.0.0');
  await amoe.getByLabel(r.fields.targetDate).fill('2026-12-15');
  await amoe.getByRole('checkbox', { name: new RegExp(`^1\\. ${campaign}`) }).check();
  await amoe.getByRole('button', { name: r.form.create }).click();
  await amoe.waitForURL(/\/readiness\/\d+$/);
  await hydrated(amoe);
  const banner = amoe.getByTestId('decision-banner');
  // Only the checklist holds it back: GO avec réserves until each item is settled.
  await expect(banner).toHaveAttribute('data-decision', 'go_with_reservations');
  await expect(amoe.getByTestId('criterion-checklist')).toHaveAttribute('data-verdict', 'reservation');
  const items = amoe.getByTestId('checklist-item');
  const total = await items.count();
  expect(total).toBeGreaterThan(0);
  const settled = (n: number) => r.criteria.checklist.evidence.replace('{settled}', String(n)).replace('{total}', String(total));
  for (let i = 0; i < total; i += 1) {
    const item = items.nth(i);
    // The last item does not apply to this release; the others are done, each with its evidence.
    if (i === total - 1) {
      await item.getByLabel(r.checklist.status).selectOption('not_applicable');
    } else {
      await item.getByLabel(r.checklist.status).selectOption('done');
      await item.getByLabel(r.checklist.evidence).fill(`https://ged.exemple.fr/mep-${i + 1}.pdf`);
    }
    await item.getByRole('button', { name: r.checklist.save }).click();
    await expect(amoe.getByTestId('criterion-checklist')).toContainText(settled(i + 1));
  }
  // Every criterion met: the page proposes GO.
  for (const criterion of CRITERION_KEYS) await expect(amoe.getByTestId(`criterion-${criterion}`)).toHaveAttribute('data-verdict', 'met');
  await expect(banner).toHaveAttribute('data-decision', 'go');
  await expect(banner.getByText(r.decisions.go, { exact: true })).toBeVisible();

  const form = amoe.getByTestId('go-no-go-form');
  await form.getByRole('checkbox', { name: new RegExp(DEMO_USERS.moa.name) }).check();
  await form.getByRole('radio', { name: r.decisions.go, exact: true }).check();
  await form.getByRole('button', { name: r.goNoGo.record }).click();
  await amoe.waitForURL(/\/go-no-go\/[0-9a-f-]{36}$/);
  await expect(amoe.getByTestId('record-proposed')).toHaveText(r.decisions.go);
  const recordPath = new URL(amoe.url()).pathname;

  await moa.goto(recordPath);
  await expect(moa.getByTestId('decision-banner')).toHaveAttribute('data-decision', 'go');
  await hydrated(moa);
  await fitsWidth(moa);
  const sign = moa.getByTestId('sign-go-no-go');
  await sign.getByLabel(r.sign.password).fill(DEMO_PASSWORD);
  await sign.getByRole('button', { name: r.sign.submit }).click();
  await expect(moa.getByTestId('signatures')).toContainText(DEMO_USERS.moa.name);
  await expect(moa.getByTestId('sign-go-no-go')).toHaveCount(0);
  const hash = (await moa.getByTestId('record-hash').textContent())!.trim();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const downloading = moa.waitForEvent('download');
  await moa.getByTestId('pv-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^PV-${key}-version-\\d+-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(fs.readFileSync((await download.path())!))), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(r.pv.title);
  expect(flat).toContain(name);
  // GO itself, not "GO avec réserves" / "GO with reservations", and the MOA's signature with that meaning.
  expect(flat).toContain(`${r.pv.decisionLine.replace('{decision}', r.decisions.go)} ${r.pv.proposed}`);
  expect(flat).toContain(`${DEMO_USERS.moa.name} (${r.roles.moa}) — ${r.meanings.go} — `);
  expect(flat).toContain(hash);

  await viewer.goto(recordPath);
  await expect(viewer.getByTestId('decision-banner')).toHaveAttribute('data-decision', 'go');
  await expect(viewer.getByTestId('signatures')).toContainText(DEMO_USERS.moa.name);
  await expect(viewer.getByTestId('pv-download')).toBeVisible();
  await expect(viewer.getByTestId('sign-go-no-go')).toHaveCount(0);
  await expect(viewer.getByLabel(r.sign.password)).toHaveCount(0);
}

async function journey(browser: Browser, baseURL: string, lang: Lang) {
  const { s, ano } = CATALOGUES[lang];
  const word = unique();
  const contexts: BrowserContext[] = [];

  // A project of its own: approving a baseline of the demo would change what the demo's next baseline is compared
  // with (signoff.spec.ts reads its redline against LDB-1). Its owner approves one specification to freeze.
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  contexts.push(owner.context);
  const created = await createProject(owner.page);
  for (const role of ['amoe', 'moa', 'viewer'] as const) {
    await addMember(owner.page, created.key, { email: DEMO_USERS[role].email, name: DEMO_USERS[role].name, role });
  }
  const project = `/projects/${created.key}`;
  const spec = frSpecifications.specifications;
  await owner.page.goto(`${project}/specifications/new`);
  await hydrated(owner.page);
  await owner.page.getByLabel(spec.editor.title, { exact: true }).fill(`Calcul du net à payer ${word}`);
  await owner.page.getByLabel(spec.editor.category, { exact: true }).selectOption('data');
  await owner.page.getByRole('button', { name: spec.editor.create }).click();
  await expect(owner.page).toHaveURL(/specifications\/STD-1$/);
  for (const action of ['in_review', 'approved'] as const) {
    await hydrated(owner.page);
    await owner.page.getByRole('button', { name: spec.workflow[action] as string, exact: true }).click();
  }
  await expect(owner.page.getByRole('button', { name: spec.workflow.approved as string, exact: true })).toHaveCount(0);

  // The AMOE raises the anomaly the reservation will wait on, then freezes a baseline and asks for its approval.
  const amoe = await person(browser, 'amoe', lang, baseURL);
  contexts.push(amoe.context);
  await amoe.page.goto(`${project}/anomalies/new`);
  await hydrated(amoe.page);
  const anomalyTitle = `Calcul du net ${word}`;
  await amoe.page.getByLabel(ano.fields.title, { exact: true }).fill(anomalyTitle);
  await amoe.page.getByLabel(ano.fields.severity, { exact: true }).selectOption('major');
  await amoe.page.getByRole('button', { name: ano.form.create }).click();
  await expect(amoe.page).toHaveURL(/\/anomalies\/ANO-\d+$/);
  const anomalyPath = new URL(amoe.page.url()).pathname;

  await amoe.page.goto(`${project}/approvals/baselines`);
  await hydrated(amoe.page);
  const name = `LDB MOA ${word}`;
  await amoe.page.getByLabel(s.baselines.create.name).fill(name);
  expect(await chooseBaselineSpecifications(amoe.page)).toBe(1);
  await amoe.page.getByRole('button', { name: s.baselines.create.submit }).click();
  const row = amoe.page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await hydrated(amoe.page);
  await amoe.page.getByLabel(s.baselines.message).fill('Merci de valider / please approve.');
  await amoe.page.getByRole('button', { name: s.baselines.requestSubmit }).click();
  const requestLink = amoe.page.getByTestId('baseline-requests').getByRole('link');
  await expect(requestLink).toBeVisible();
  const requestHref = (await requestLink.getAttribute('href'))!;

  // The MOA, on a phone: reviews the redline, approves with a reservation on the anomaly, signs with the password.
  const moa = await person(browser, 'moa', lang, baseURL);
  contexts.push(moa.context);
  await moa.page.setViewportSize(PHONE);
  await moa.page.goto(requestHref);
  await expect(moa.page.getByTestId('signed-content')).toBeVisible();
  await hydrated(moa.page);
  await fitsWidth(moa.page);
  const form = moa.page.getByTestId('decision-form');
  await form.getByLabel(s.decision.approved_with_reservations).check();
  await form.getByLabel(s.decision.reason).fill(`Sous réserve ${word}`);
  const reservationText = `Corriger le calcul du net ${word}`;
  await form.getByLabel(s.decision.reservationText).fill(reservationText);
  await form.getByTestId('reservation-draft-1').getByRole('checkbox', { name: new RegExp(anomalyTitle) }).check();
  await form.getByLabel(s.signature.password).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: s.decision.submit }).click();
  await expect(moa.page.getByTestId('decision-unavailable')).toHaveText(s.decision.alreadySigned);
  const reservation = moa.page.getByTestId('reservations').locator('li[data-testid^="reservation-"]').filter({ hasText: reservationText });
  await expect(reservation).toBeVisible();
  const reservationNumber = (await reservation.getAttribute('data-testid'))!.replace('reservation-', '');
  // Not liftable while its anomaly is open.
  await expect(moa.page.getByTestId(`lift-${reservationNumber}`)).toHaveCount(0);

  // The anomaly is fixed and delivered by the AMOE; the MOA retests it and closes it.
  await amoe.page.goto(anomalyPath);
  await move(amoe.page, lang, 'fixing');
  await move(amoe.page, lang, 'to_retest');
  await moa.page.goto(anomalyPath);
  await move(moa.page, lang, 'closed');

  // Back on the request: the lifting is proposed; the MOA lifts it with the password (a signature).
  await moa.page.goto(requestHref);
  await expect(reservation.getByTestId('lifting-proposed')).toHaveText(s.reservations.proposed);
  await hydrated(moa.page);
  await fitsWidth(moa.page);
  const lift = moa.page.getByTestId(`lift-${reservationNumber}`);
  await lift.getByLabel(s.reservations.liftReason).fill(`Retest concluant ${word}`);
  await lift.getByLabel(s.signature.password).fill(DEMO_PASSWORD);
  await lift.getByRole('button', { name: s.reservations.liftSubmit }).click();
  await expect(reservation.getByTestId(`lifting-pv-${reservationNumber}`)).toBeVisible();
  const liftSignature = reservation.getByTestId('signatures').locator('li').first();
  await expect(liftSignature).toContainText(DEMO_USERS.moa.name);
  // The hash is the signature's last text, right after its integrity badge ("Intacte" ends with a hex letter).
  const hash = (await liftSignature.textContent())!.match(/([0-9a-f]{64})(?![0-9a-f])/)?.[1] ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expectAccessible(moa.page);

  // The PV de levée downloads; its text holds the reservation, the anomaly, the signature and the hash signed.
  const downloading = moa.page.waitForEvent('download');
  await reservation.getByTestId(`lifting-pv-${reservationNumber}`).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^PV-levee-${created.key}-reserve-${reservationNumber}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(fs.readFileSync((await download.path())!))), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(`${CATALOGUES[lang].pvTitle}`);
  expect(flat).toContain(reservationText);
  expect(flat).toContain(anomalyTitle);
  expect(flat).toContain(`${DEMO_USERS.moa.name} (${CATALOGUES[lang].role}) — ${CATALOGUES[lang].lifted}`);
  expect(flat).toContain(`Retest concluant ${word}`);
  expect(flat).toContain(hash);

  // The viewer sees the decision, the lifted reservation and its PV, and has nothing to sign.
  const viewer = await person(browser, 'viewer', lang, baseURL);
  contexts.push(viewer.context);
  await viewer.page.goto(requestHref);
  const seen = viewer.page.getByTestId(`reservation-${reservationNumber}`);
  await expect(seen).toContainText(reservationText);
  await expect(seen.getByTestId('signatures')).toContainText(DEMO_USERS.moa.name);
  const pvHref = (await seen.getByTestId(`lifting-pv-${reservationNumber}`).getAttribute('href'))!;
  const response = await viewer.page.request.get(pvHref);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  await expect(viewer.page.getByTestId('decision-form')).toHaveCount(0);
  await expect(viewer.page.getByTestId(`lift-${reservationNumber}`)).toHaveCount(0);
  await expect(viewer.page.getByLabel(s.signature.password)).toHaveCount(0);
  await viewer.page.goto(anomalyPath);
  await expect(viewer.page.getByTestId('anomaly-move')).toHaveCount(0);

  await goNoGo(lang, project, created.key, amoe.page, moa.page, viewer.page);

  await closeAll(...contexts);
}

test('the MOA approves a baseline with a reservation on a phone, the anomaly is closed after retest, the reservation lifted with its PV de levée, the go / no-go signed with its PV de recette; the viewer signs nothing (fr)', async ({ browser, baseURL }) => {
  await journey(browser, baseURL!, 'fr');
});

test('the same journey in English', async ({ browser, baseURL }) => {
  await journey(browser, baseURL!, 'en');
});
