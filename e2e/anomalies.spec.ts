import { expect, test, type Page } from '@playwright/test';
import enAnomalies from '../messages/en.anomalies.json';
import frAnomalies from '../messages/fr.anomalies.json';
import { expectAccessible } from './axe';
import { DEMO_USERS, addMember, closeAll, createProject, expectNotFound, format, hydrated, signedInContext, unique } from './helpers';

const ano = frAnomalies.anomalies;
const anoEn = enAnomalies.anomalies;

async function move(page: Page, to: keyof typeof ano.moveTo, status: keyof typeof ano.statuses) {
  await hydrated(page);
  await page.getByTestId('anomaly-move').getByRole('button', { name: ano.moveTo[to], exact: true }).click();
  await expect(page.getByTestId('anomaly-status')).toHaveText(ano.statuses[status]);
}

test('the MOA raises an anomaly, the AMOE carries it to à retester, the list finds it, the viewer only reads', async ({ browser, baseURL }) => {
  // One journey across five people and every anomaly page: longer than the default budget of a single test.
  test.setTimeout(240_000);
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  for (const role of ['moa', 'amoe', 'viewer'] as const) {
    await addMember(owner.page, project.key, { email: DEMO_USERS[role].email, name: DEMO_USERS[role].name, role });
  }
  const base = `/projects/${project.key}/anomalies`;
  const word = `zorglub${unique()}`;

  // The MOA raises it by hand.
  const moa = await signedInContext(browser, DEMO_USERS.moa.email);
  await moa.page.goto(base);
  await expect(moa.page.getByTestId('anomalies-empty')).toBeVisible();
  await expectAccessible(moa.page);
  await moa.page.getByRole('link', { name: ano.new }).click();
  await expect(moa.page).toHaveURL(new RegExp(`${base}/new$`));
  await hydrated(moa.page);
  await expectAccessible(moa.page);
  await moa.page.getByLabel(ano.fields.title, { exact: true }).fill(`Net à payer faux ${word}`);
  await moa.page.getByLabel(ano.fields.severity, { exact: true }).selectOption('blocking');
  await moa.page.getByLabel(ano.fields.stepsToReproduce).fill('1. Ouvrir le bulletin de mars');
  await moa.page.getByLabel(ano.fields.expectedResult).fill('2 345,67 €');
  await moa.page.getByLabel(ano.fields.actualResult).fill('2 300,00 €');
  await moa.page.getByRole('button', { name: ano.form.create }).click();
  await expect(moa.page).toHaveURL(new RegExp(`${base}/ANO-1$`));
  await expect(moa.page.getByTestId('anomaly-status')).toHaveText(ano.statuses.new);
  // The MOA may not start the fix: no such button for that role.
  await expect(moa.page.getByRole('button', { name: ano.moveTo.fixing })).toHaveCount(0);
  await expectAccessible(moa.page);

  // The AMOE analyses, fixes and delivers it for retest.
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto(`${base}/ANO-1`);
  await move(amoe.page, 'analysis', 'analysis');
  await move(amoe.page, 'fixing', 'fixing');
  await move(amoe.page, 'to_retest', 'to_retest');
  const history = amoe.page.getByTestId('anomaly-history');
  await expect(history.getByTestId('history-created')).toContainText(format(ano.history.created, { name: DEMO_USERS.moa.name }));
  await expect(history.getByTestId('history-status')).toHaveCount(3);
  await expect(history.getByTestId('history-status').last()).toContainText(
    format(ano.history.status, { name: DEMO_USERS.amoe.name, from: ano.statuses.fixing, to: ano.statuses.to_retest }),
  );
  await amoe.page.goto(`${base}/ANO-1/edit`);
  await hydrated(amoe.page);
  await expectAccessible(amoe.page);

  // The list filters by severity and finds it by text.
  await amoe.page.goto(base);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(ano.filters.severity, { exact: true }).selectOption('minor');
  await amoe.page.getByRole('button', { name: ano.filters.apply }).click();
  await expect(amoe.page.getByTestId('anomalies-empty')).toBeVisible();
  await amoe.page.getByLabel(ano.filters.severity, { exact: true }).selectOption('blocking');
  await amoe.page.getByLabel(ano.filters.q, { exact: true }).fill(word);
  await amoe.page.getByRole('button', { name: ano.filters.apply }).click();
  await expect(amoe.page).toHaveURL(/severity=blocking/);
  await expect(amoe.page.getByTestId('anomaly-row-ANO-1')).toBeVisible();
  await expect(amoe.page.getByTestId('count-severity-blocking')).toContainText('1');
  await expectAccessible(amoe.page);

  // In English.
  const english = await browser.newContext();
  await english.addCookies([{ name: 'passerelle-locale', value: 'en', url: baseURL! }]);
  const enPage = await english.newPage();
  await enPage.goto('/login');
  await hydrated(enPage);
  await enPage.locator('#email').fill(DEMO_USERS.amoe.email);
  await enPage.locator('#password').fill('passerelle-demo');
  await enPage.locator('form button[type="submit"]').click();
  await expect(enPage).toHaveURL(/\/projects$/);
  await enPage.goto(`${base}/ANO-1`);
  await expect(enPage.getByTestId('anomaly-status')).toHaveText(anoEn.statuses.to_retest);
  await expect(enPage.getByRole('heading', { name: anoEn.history.title })).toBeVisible();
  await enPage.goto(base);
  await expect(enPage.getByRole('heading', { level: 1, name: anoEn.title })).toBeVisible();
  await expectAccessible(enPage);

  // The viewer reads and changes nothing.
  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  await viewer.page.goto(base);
  await expect(viewer.page.getByTestId('anomaly-row-ANO-1')).toBeVisible();
  await expect(viewer.page.getByRole('link', { name: ano.new })).toHaveCount(0);
  await viewer.page.goto(`${base}/ANO-1`);
  await expect(viewer.page.getByText(ano.workflow.noMoves)).toBeVisible();
  await expect(viewer.page.getByRole('link', { name: ano.detail.edit })).toHaveCount(0);
  await expect(viewer.page.getByTestId('anomaly-assign')).toHaveCount(0);
  await expectAccessible(viewer.page);
  await viewer.page.goto(`${base}/new`);
  await expectNotFound(viewer.page);
  await viewer.page.goto(`${base}/ANO-1/edit`);
  await expectNotFound(viewer.page);

  await closeAll(owner.context, moa.context, amoe.context, english, viewer.context);
});
