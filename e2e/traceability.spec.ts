import { expect, test, type Page } from '@playwright/test';
import frRecette from '../messages/fr.recette.json';
import frRequirements from '../messages/fr.requirements.json';
import frSpecifications from '../messages/fr.specifications.json';
import frTraceability from '../messages/fr.traceability.json';
import { DEMO_USERS, addMember, closeAll, createProject, format, fr, hydrated, signedInContext } from './helpers';

const req = frRequirements.requirements;
const spec = frSpecifications.specifications;
const trace = frTraceability.traceability;
const tc = frRecette.testCases;

async function createRequirement(page: Page, projectKey: string, title: string, statement: string) {
  await page.goto(`/projects/${projectKey}/requirements/new`);
  await hydrated(page);
  await page.getByLabel(req.fields.title, { exact: true }).fill(title);
  await page.getByLabel(req.fields.statement, { exact: true }).fill(statement);
  await page.getByRole('button', { name: req.form.create }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectKey}/requirements/EXF-1$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

async function moveSpecification(page: Page, action: keyof typeof spec.workflow) {
  await hydrated(page);
  await page.getByRole('button', { name: spec.workflow[action] as string, exact: true }).click();
}

async function matrixCoverage(page: Page, projectKey: string) {
  await page.goto(`/projects/${projectKey}/traceability`);
  return page.getByRole('row').filter({ has: page.getByTestId('matrix-row-EXF-1') });
}

/**
 * The chain the product exists for: the AMOA changes a requirement, the AMOE is told at once (suspect link in
 * "À revoir"), reads the redline, updates the specification and clears the link; the matrix follows.
 */
test('a requirement change reaches the technical side and is cleared after review', async ({ browser }) => {
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  await addMember(owner.page, project.key, { email: DEMO_USERS.amoa.email, name: DEMO_USERS.amoa.name, role: 'amoa' });
  await addMember(owner.page, project.key, { email: DEMO_USERS.amoe.email, name: DEMO_USERS.amoe.name, role: 'amoe' });

  const amoa = await signedInContext(browser, DEMO_USERS.amoa.email);
  await createRequirement(amoa.page, project.key, 'Calcul des congés payés', 'Le système calcule les congés payés chaque mois.');

  // The AMOE answers with a specification, has it approved, and traces it to the requirement.
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto(`/projects/${project.key}/specifications/new`);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(spec.editor.title, { exact: true }).fill('Moteur de calcul des congés');
  await amoe.page.getByLabel(spec.editor.category, { exact: true }).selectOption('architecture');
  await amoe.page.getByLabel(spec.editor.body, { exact: true }).fill('Calcul **mensuel** des droits à congés.');
  await amoe.page.getByRole('button', { name: spec.editor.create }).click();
  await expect(amoe.page).toHaveURL(new RegExp(`/projects/${project.key}/specifications/STD-1$`));
  await moveSpecification(amoe.page, 'in_review');
  await moveSpecification(amoe.page, 'approved');

  const picker = amoe.page.getByTestId('trace-item-picker');
  await picker.getByRole('combobox').fill('congés');
  await picker.getByTestId('trace-item-option-EXF-1').click();
  await expect(amoe.page.getByTestId('trace-link-EXF-1')).toBeVisible();
  await expect(amoe.page.getByTestId('trace-link-EXF-1').getByTestId('suspect-badge')).toHaveCount(0);

  // Covered takes a test case too: the AMOE writes one verifying the specification.
  await amoe.page.goto(`/projects/${project.key}/test-cases/new`);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(tc.fields.title, { exact: true }).fill('Congés d’un salarié à temps plein');
  await amoe.page.getByLabel(format(tc.steps.action, { n: '1' })).fill('Calculer les droits de mars');
  await amoe.page.getByRole('button', { name: tc.form.create }).click();
  await expect(amoe.page).toHaveURL(new RegExp(`/projects/${project.key}/test-cases/CT-1$`));
  await hydrated(amoe.page);
  await amoe.page.getByTestId('test-case-links-panel').getByTestId('trace-item-picker').getByRole('combobox').fill('congés');
  await amoe.page.getByTestId('trace-item-option-STD-1').click();
  await expect(amoe.page.getByTestId('test-link-STD-1')).toBeVisible();

  let row = await matrixCoverage(amoe.page, project.key);
  await expect(row).toContainText(trace.coverage.covered);

  // The AMOA changes the requirement.
  await amoa.page.goto(`/projects/${project.key}/requirements/EXF-1/edit`);
  await hydrated(amoa.page);
  await amoa.page
    .getByLabel(req.fields.statement, { exact: true })
    .fill('Le système calcule les congés payés chaque semaine, y compris pour les salariés à temps partiel.');
  await amoa.page.getByRole('button', { name: req.form.saveChanges }).click();
  await expect(amoa.page).toHaveURL(new RegExp(`/projects/${project.key}/requirements/EXF-1$`));

  // The AMOE sees it at once: a suspect link in "À revoir", and the matrix says so.
  row = await matrixCoverage(amoe.page, project.key);
  await expect(row).toContainText(trace.coverage.suspect);
  await amoe.page.goto(`/projects/${project.key}/traceability/review`);
  await expect(amoe.page.getByRole('heading', { level: 1, name: trace.review.title })).toBeVisible();
  await amoe.page.getByRole('link', { name: format(trace.review.openLabel, { requirement: 'EXF-1', specification: 'STD-1' }) }).click();

  // The redline shows what changed between the reviewed version and now.
  const redline = amoe.page.getByTestId('redline');
  await expect(redline.locator('del').filter({ hasText: 'mois' }).first()).toBeVisible();
  await expect(redline.locator('ins').filter({ hasText: 'semaine' }).first()).toBeVisible();

  // The author updates the specification from there: an approved spec goes back to draft as version 2.
  await amoe.page.getByRole('link', { name: trace.reviewLink.editSpecification }).click();
  await expect(amoe.page).toHaveURL(new RegExp(`/specifications/STD-1/edit$`));
  await hydrated(amoe.page);
  await amoe.page.getByLabel(spec.editor.body, { exact: true }).fill('Calcul **hebdomadaire** des droits à congés, temps partiel compris.');
  await amoe.page.getByRole('button', { name: spec.editor.save, exact: true }).click();
  await expect(amoe.page).toHaveURL(new RegExp(`/specifications/STD-1$`));
  await moveSpecification(amoe.page, 'in_review');
  await moveSpecification(amoe.page, 'approved');

  // Then clears the link, which records who reviewed it.
  await amoe.page.goto(`/projects/${project.key}/traceability/review`);
  await amoe.page.getByRole('link', { name: format(trace.review.openLabel, { requirement: 'EXF-1', specification: 'STD-1' }) }).click();
  await hydrated(amoe.page);
  await amoe.page.getByTestId('confirm-review').click();
  await expect(amoe.page.getByText(trace.review.empty)).toBeVisible();

  row = await matrixCoverage(amoe.page, project.key);
  await expect(row).toContainText(trace.coverage.covered);

  // The journal keeps the whole story.
  await owner.page.goto(`/projects/${project.key}/audit?entity=trace_link`);
  await expect(owner.page.getByTestId('audit-table')).toContainText(fr.audit.actions.review);

  await closeAll(owner.context, amoa.context, amoe.context);
});

test('the MOA and the viewer read requirements and specifications but cannot write them', async ({ browser }) => {
  for (const person of [DEMO_USERS.moa, DEMO_USERS.viewer]) {
    const { context, page } = await signedInContext(browser, person.email);
    await page.goto('/projects/PAIE/requirements');
    await expect(page.getByTestId('requirement-count')).toBeVisible();
    await expect(page.getByRole('link', { name: req.new })).toHaveCount(0);
    await page.goto('/projects/PAIE/specifications/STD-1');
    await expect(page.getByTestId('markdown')).toBeVisible();
    await expect(page.getByRole('button', { name: spec.workflow.approved as string })).toHaveCount(0);
    await page.goto('/projects/PAIE/traceability/review');
    await expect(page.getByRole('heading', { level: 1, name: trace.review.title })).toBeVisible();
    await context.close();
  }
});
