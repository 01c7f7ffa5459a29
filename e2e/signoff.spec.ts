import { expect, test } from '@playwright/test';
import frSignoff from '../messages/fr.signoff.json';
import { expectAccessible } from './axe';
import { DEMO_PASSWORD, DEMO_PROJECT, DEMO_USERS, chooseBaselineSpecifications, closeAll, hydrated, signedInContext, unique } from './helpers';

const s = frSignoff.signoff;
const base = `/projects/${DEMO_PROJECT.key}/approvals`;

test('the AMOE requests approval of a baseline; the MOA reviews its redline on a phone, approves with a reservation and signs; the viewer reads it and signs nothing', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const name = `Ligne de base e2e ${unique()}`;

  // The AMOE freezes a baseline of the demo's approved specifications and asks the MOA to approve it.
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto(`${base}/baselines`);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(s.baselines.create.name).fill(name);
  expect(await chooseBaselineSpecifications(amoe.page)).toBeGreaterThan(0);
  await amoe.page.getByRole('button', { name: s.baselines.create.submit }).click();
  const row = amoe.page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(amoe.page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
  await hydrated(amoe.page);
  await amoe.page.getByLabel(s.baselines.message).fill('Merci de relire la spécification revue pendant la recette.');
  await amoe.page.getByRole('button', { name: s.baselines.requestSubmit }).click();
  const requestLink = amoe.page.getByTestId('baseline-requests').getByRole('link');
  await expect(requestLink).toBeVisible();
  const requestHref = (await requestLink.getAttribute('href'))!;

  // The MOA, on a phone, finds it in the inbox with the sidebar's count, reads the redline and signs.
  const moa = await signedInContext(browser, DEMO_USERS.moa.email);
  await moa.page.setViewportSize({ width: 390, height: 844 });
  await moa.page.goto(base);
  const inboxLink = moa.page.getByTestId('inbox').locator(`a[href="${requestHref}"]`);
  await expect(inboxLink).toBeVisible();
  await inboxLink.click();
  await expect(moa.page).toHaveURL(new RegExp(`${requestHref}$`));
  const signed = moa.page.getByTestId('signed-content');
  // Against the approved baseline 1, the specification revised during the recette shows its redline.
  await expect(signed.getByText(s.review.redlineAgainst.replace('{number}', '1'))).toBeVisible();
  await expect(signed.locator('[data-testid^="changed-STD-"]').first().getByTestId('redline')).toBeVisible();
  const hash = (await moa.page.getByTestId('content-hash').textContent())!;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await hydrated(moa.page);
  await expectAccessible(moa.page);
  expect(await moa.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // An item's comment form is built when asked for: the MOA comments on the revised specification.
  const changed = signed.locator('[data-testid^="changed-STD-"]').first();
  const changedRef = (await changed.getAttribute('data-testid'))!.replace('changed-', '');
  await expect(moa.page.getByTestId(`comment-${changedRef}`)).toHaveCount(0);
  await changed.getByRole('button', { name: s.review.commentItem.replace('{ref}', changedRef) }).click();
  const commentForm = moa.page.getByTestId(`comment-${changedRef}`);
  await commentForm.getByLabel(s.review.commentBody).fill('Préciser le format du fichier de virement.');
  await commentForm.getByRole('button', { name: s.review.commentSubmit }).click();
  await expect(changed.locator('[data-testid^="comments-specification:"]')).toContainText('Préciser le format du fichier de virement.');

  const form = moa.page.getByTestId('decision-form');
  await form.getByLabel(s.decision.approved_with_reservations).check();
  await form.getByLabel(s.decision.reason).fill('Validé sous réserve du correctif du calcul.');
  await form.getByLabel(s.decision.reservationText).fill('Livrer le correctif et le faire retester.');
  await form.getByTestId('reservation-draft-1').getByRole('checkbox').first().check();
  // A wrong password signs nothing.
  await form.getByLabel(s.signature.password).fill('pas le bon mot de passe');
  await form.getByRole('button', { name: s.decision.submit }).click();
  await expect(form.getByTestId('form-error')).toBeVisible();
  await expect(moa.page.getByText(s.review.noSignatures)).toBeVisible();
  await form.getByLabel(s.signature.password).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: s.decision.submit }).click();
  // Signed: the page, refreshed by the action, no longer offers the decision.
  await expect(moa.page.getByTestId('decision-unavailable')).toHaveText(s.decision.alreadySigned);
  await moa.page.reload();
  await expect(moa.page.getByTestId('approval-status').first()).toHaveText(s.statuses.approved_with_reservations);
  const signature = moa.page.getByTestId('signatures').locator('li').first();
  await expect(signature).toContainText(DEMO_USERS.moa.name);
  await expect(signature).toContainText(s.meanings.approved_with_reservations);
  await expect(signature).toContainText(hash);
  await expect(signature.getByTestId('signature-integrity')).toHaveText(s.signature.intact);
  await expect(moa.page.getByTestId('reservations')).toContainText('Livrer le correctif et le faire retester.');
  await expect(moa.page.getByTestId('decision-unavailable')).toHaveText(s.decision.alreadySigned);
  await expectAccessible(moa.page);

  // The viewer sees the decision, the signature and the reservation, and has nothing to sign.
  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  await viewer.page.goto(requestHref);
  await expect(viewer.page.getByTestId('signatures')).toContainText(DEMO_USERS.moa.name);
  await expect(viewer.page.getByTestId('reservations')).toContainText('Livrer le correctif');
  await expect(viewer.page.getByTestId('decision-form')).toHaveCount(0);
  await expect(viewer.page.getByTestId('decision-unavailable')).toHaveText(s.decision.decided);
  await expect(viewer.page.getByLabel(s.signature.password)).toHaveCount(0);
  await viewer.page.goto(`${base}/baselines`);
  await expect(viewer.page.getByTestId('create-baseline')).toHaveCount(0);

  await closeAll(amoe.context, moa.context, viewer.context);
});
