import { expect, test, type Page } from '@playwright/test';
import frRecette from '../messages/fr.recette.json';
import frRequirements from '../messages/fr.requirements.json';
import frSpecifications from '../messages/fr.specifications.json';
import frTraceability from '../messages/fr.traceability.json';
import { expectAccessible } from './axe';
import { DEMO_USERS, addMember, closeAll, createProject, format, hydrated, signedInContext } from './helpers';

const tc = frRecette.testCases;
const req = frRequirements.requirements;
const spec = frSpecifications.specifications;
const trace = frTraceability.traceability;

/** The text of the focused element, typed key by key as a keyboard user would. */
async function typeHere(page: Page, text: string) {
  await page.keyboard.type(text);
}

test('the AMOE writes a test case with the keyboard only, links it to a specification, and the matrix shows the requirement covered', async ({ browser }) => {
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  await addMember(owner.page, project.key, { email: DEMO_USERS.amoe.email, name: DEMO_USERS.amoe.name, role: 'amoe' });

  // A requirement and an approved specification answering it (the owner may write both).
  await owner.page.goto(`/projects/${project.key}/requirements/new`);
  await hydrated(owner.page);
  await owner.page.getByLabel(req.fields.title, { exact: true }).fill('Calcul des indemnités kilométriques');
  await owner.page.getByRole('button', { name: req.form.create }).click();
  await expect(owner.page).toHaveURL(/requirements\/EXF-1$/);
  await owner.page.goto(`/projects/${project.key}/specifications/new`);
  await hydrated(owner.page);
  await owner.page.getByLabel(spec.editor.title, { exact: true }).fill('Barème kilométrique');
  await owner.page.getByLabel(spec.editor.category, { exact: true }).selectOption('data');
  await owner.page.getByRole('button', { name: spec.editor.create }).click();
  await expect(owner.page).toHaveURL(/specifications\/STD-1$/);
  for (const action of ['in_review', 'approved'] as const) {
    await hydrated(owner.page);
    await owner.page.getByRole('button', { name: spec.workflow[action] as string, exact: true }).click();
  }
  const picker = owner.page.getByTestId('trace-item-picker');
  await picker.getByRole('combobox').fill('kilométriques');
  await picker.getByTestId('trace-item-option-EXF-1').click();
  await expect(owner.page.getByTestId('trace-link-EXF-1')).toBeVisible();

  // Not covered yet: an approved specification without any test case.
  await owner.page.goto(`/projects/${project.key}/traceability`);
  const row = owner.page.getByRole('row').filter({ has: owner.page.getByTestId('matrix-row-EXF-1') });
  await expect(row).toContainText(trace.coverage.uncovered);

  // The AMOE writes the test case without the mouse.
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  const page = amoe.page;
  await page.goto(`/projects/${project.key}/test-cases`);
  await expectAccessible(page);
  await page.goto(`/projects/${project.key}/test-cases/new`);
  await hydrated(page);
  await expectAccessible(page);
  await page.getByLabel(tc.fields.title, { exact: true }).focus();
  await typeHere(page, 'Indemnités d’un trajet de 120 km');
  await page.getByLabel(format(tc.steps.action, { n: '1' })).focus();
  await typeHere(page, 'Saisir un trajet de 120 km');
  await page.keyboard.press('Tab');
  await typeHere(page, 'L’indemnité vaut 75,60 €');
  // Tab through the step's buttons to "add a step", then type the new step.
  const add = page.getByRole('button', { name: tc.steps.add });
  for (let i = 0; i < 10 && !(await add.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(format(tc.steps.action, { n: '2' }))).toBeFocused();
  await typeHere(page, 'Ouvrir la note de frais');
  await page.keyboard.press('Tab');
  await typeHere(page, 'Le trajet est listé');
  // Alt+↑ moves the step the cursor is in: the note comes first now.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('step-announcement')).toHaveText(format(tc.steps.moved, { n: '1' }));
  await expect(page.getByLabel(format(tc.steps.action, { n: '1' }))).toHaveValue('Ouvrir la note de frais');
  await expect(page.getByLabel(format(tc.steps.expected, { n: '1' }))).toBeFocused();
  const create = page.getByRole('button', { name: tc.form.create });
  await create.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/projects/${project.key}/test-cases/CT-1$`));
  await expect(page.getByTestId('test-case-steps').locator('li')).toHaveText([/Ouvrir la note de frais/, /Saisir un trajet de 120 km/]);

  // Linked to the specification with the picker, by keyboard too.
  await hydrated(page);
  const linkPicker = page.getByTestId('test-case-links-panel').getByTestId('trace-item-picker').getByRole('combobox');
  await linkPicker.focus();
  await typeHere(page, 'Barème');
  await expect(page.getByTestId('trace-item-option-STD-1')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('test-link-STD-1')).toBeVisible();
  await expectAccessible(page);

  // The matrix shows the test case and the requirement covered.
  await page.goto(`/projects/${project.key}/traceability`);
  const covered = page.getByRole('row').filter({ has: page.getByTestId('matrix-row-EXF-1') });
  await expect(covered).toContainText(trace.coverage.covered);
  await expect(page.getByTestId('matrix-tests-EXF-1')).toContainText('CT-1');

  // The history holds both versions' steps.
  await page.goto(`/projects/${project.key}/test-cases/CT-1/history`);
  await expect(page.getByTestId('version-list').locator('li')).toHaveCount(1);
  await expectAccessible(page);
  await closeAll(owner.context, amoe.context);
});

test('the viewer and the MOA read the demo test cases and change nothing', async ({ browser }) => {
  for (const person of [DEMO_USERS.viewer, DEMO_USERS.moa]) {
    const { context, page } = await signedInContext(browser, person.email);
    await page.goto('/projects/PAIE/test-cases');
    await expect(page.getByTestId('test-cases-total')).toContainText(/\d+/);
    await expect(page.getByRole('link', { name: tc.new })).toHaveCount(0);
    await page.goto('/projects/PAIE/test-cases/CT-11');
    await expect(page.getByTestId('test-case-criteria')).toBeVisible();
    await expect(page.getByRole('link', { name: tc.detail.edit })).toHaveCount(0);
    await expect(page.getByTestId('test-case-links-panel').getByTestId('trace-item-picker')).toHaveCount(0);
    await page.goto('/projects/PAIE/test-cases/CT-11/edit');
    await expect(page.getByRole('heading', { level: 1 })).not.toContainText(format(tc.form.editTitle, { ref: 'CT-11' }));
    await context.close();
  }
});

test('a test case verifying a revised requirement is shown suspect, and the gaps list untested items', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, DEMO_USERS.amoe.email);
  await page.goto('/projects/PAIE/test-cases?suspect=1');
  await expect(page.getByTestId('test-cases-table').getByTestId('suspect-badge').first()).toBeVisible();
  await page.goto('/projects/PAIE/traceability?view=untestedSpecifications');
  await expect(page.getByTestId('gap-untested-specifications').or(page.getByTestId('gap-empty'))).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
