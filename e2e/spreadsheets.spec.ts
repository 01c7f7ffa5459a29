import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import frSpreadsheets from '../messages/fr.spreadsheets.json';
import { expectAccessible } from './axe';
import { DEMO_PROJECT, DEMO_USERS, addMember, closeAll, createProject, hydrated, signedInContext } from './helpers';

const sp = frSpreadsheets.spreadsheets;

/** An .xlsx file as a client's spreadsheet would be: French headers, one of them unknown to the guess. */
async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Exigences');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function downloadWorkbook(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  return { name: download.suggestedFilename(), sheet: book.worksheets[0]! };
}

const cells = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

test('the AMOA imports requirements from an .xlsx with a mapping step and a dry run; the AMOE imports test cases and downloads the matrix', async ({ browser }) => {
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  await addMember(owner.page, project.key, { email: DEMO_USERS.amoa.email, name: DEMO_USERS.amoa.name, role: 'amoa' });
  await addMember(owner.page, project.key, { email: DEMO_USERS.amoe.email, name: DEMO_USERS.amoe.name, role: 'amoe' });

  const amoa = await signedInContext(browser, DEMO_USERS.amoa.email);
  const page = amoa.page;
  await page.goto(`/projects/${project.key}/requirements`);
  await page.getByTestId('import-requirements-link').click();
  await expect(page.getByRole('heading', { level: 1, name: sp.import.requirementsTitle })).toBeVisible();
  await hydrated(page);

  // A first file with a wrong priority: the dry run shows it by row and offers no import.
  await page.getByLabel(sp.import.file).setInputFiles({
    name: 'exigences.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook([
      ['Titre', 'Énoncé', 'Priorité', 'Commentaire'],
      ['Calcul du brut', 'Le brut additionne les primes.', 'Doit', 'Demande RH'],
      ['Calcul du net', 'Le net retire les cotisations.', 'Urgent', 'Demande paie'],
    ]),
  });
  await expect(page.getByTestId('import-file-summary')).toContainText('exigences.xlsx');
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByLabel(`${sp.import.field} — Priorité`)).toHaveValue('priority');
  // "Commentaire" is not a known header: the person maps it to the rationale by hand.
  await expect(mapping.getByLabel(`${sp.import.field} — Commentaire`)).toHaveValue('');
  await mapping.getByLabel(`${sp.import.field} — Commentaire`).selectOption('rationale');
  await expectAccessible(page);
  await page.getByTestId('import-check').click();
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row').filter({ hasText: sp.import.errors.priorityInvalid })).toContainText('3');
  await expect(errors).toContainText('Urgent');
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  await expectAccessible(page);

  // The corrected file: two creations, then the import.
  await page.getByLabel(sp.import.file).setInputFiles({
    name: 'exigences-corrigees.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook([
      ['Titre', 'Énoncé', 'Priorité', 'Commentaire'],
      ['Calcul du brut', 'Le brut additionne les primes.', 'Doit', 'Demande RH'],
      ['Calcul du net', 'Le net retire les cotisations.', 'Devrait', 'Demande paie'],
    ]),
  });
  await page.getByTestId('import-mapping').getByLabel(`${sp.import.field} — Commentaire`).selectOption('rationale');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-counts')).toContainText('2 créations');
  await expect(page.getByTestId('import-items')).toContainText('Calcul du net');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('EXF-1, EXF-2');
  await page.getByRole('link', { name: sp.import.back, exact: true }).click();
  await expect(page.getByText('Calcul du net', { exact: true }).first()).toBeVisible();
  await page.goto(`/projects/${project.key}/requirements/EXF-1`);
  await expect(page.getByText('Demande RH')).toBeVisible();

  // The AMOE imports test cases (one row per step) from a French Excel CSV, then downloads the matrix.
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto(`/projects/${project.key}/test-cases`);
  await amoe.page.getByTestId('import-test-cases-link').click();
  await hydrated(amoe.page);
  await amoe.page.getByLabel(sp.import.file).setInputFiles({
    name: 'cas.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFFTitre;Type;N° étape;Action;Résultat attendu\r\nBulletin de mars;Fonctionnel;1;Ouvrir le bulletin;Il s’affiche\r\n;;2;Lire le net;Le net est juste\r\n', 'utf8'),
  });
  await expect(amoe.page.getByTestId('import-file-summary')).toContainText(sp.import.separators.semicolon);
  await amoe.page.getByTestId('import-check').click();
  await expect(amoe.page.getByTestId('import-counts')).toContainText('1 création');
  await amoe.page.getByTestId('import-confirm').click();
  await expect(amoe.page.getByTestId('import-done')).toContainText('CT-1');

  await amoe.page.goto(`/projects/${project.key}/traceability`);
  const { name, sheet } = await downloadWorkbook(amoe.page, 'export-xlsx-matrix');
  expect(name).toMatch(new RegExp(`^${project.key}-matrice-tracabilite-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  expect(cells(sheet, 1).slice(0, 5)).toEqual(['Réf', 'Titre', 'Priorité', 'Statut', 'Couverture']);
  expect(cells(sheet, 2).slice(0, 4)).toEqual(['EXF-1', 'Calcul du brut', 'Doit', 'Brouillon']);
  expect(cells(sheet, 3).slice(0, 3)).toEqual(['EXF-2', 'Calcul du net', 'Devrait']);
  await closeAll(owner.context, amoa.context, amoe.context);
});

test('a viewer can export but not import', async ({ browser }) => {
  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  const page = viewer.page;
  await page.goto(`/projects/${DEMO_PROJECT.key}/requirements`);
  await expect(page.getByTestId('import-requirements-link')).toHaveCount(0);
  const { sheet } = await downloadWorkbook(page, 'export-xlsx-requirements');
  expect(cells(sheet, 1).slice(0, 3)).toEqual(['Réf', 'Titre', 'Énoncé']);
  expect(cells(sheet, 2)[0]).toBe('EXF-1');
  await page.goto(`/projects/${DEMO_PROJECT.key}/imports/requirements`);
  await expect(page.getByTestId('import-read-only')).toBeVisible();
  await expect(page.getByLabel(sp.import.file)).toHaveCount(0);
  await closeAll(viewer.context);
});
