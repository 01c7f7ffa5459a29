import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { beforeAll, describe, expect, test } from 'vitest';
import * as importActions from '@/app/(app)/projects/[projectKey]/imports/actions';
import { projectSheet } from '@/app/api/projects/[projectKey]/spreadsheets/sheets';
import { translators } from '@/app/api/projects/[projectKey]/spreadsheets/translators';
import { getDatabaseHandle, getDb, type Database } from '@/db/client';
import { findTestCase } from '@/db/queries/test-cases';
import { listVersions } from '@/db/queries/versioned-items';
import * as schema from '@/db/schema';
import { requirements } from '@/db/schema';
import { guessMapping } from '@/lib/import/columns';
import { parseCsv } from '@/lib/import/csv-read';
import { sheetOf, type Sheet } from '@/lib/import/sheet';
import { readXlsx } from '@/lib/import/xlsx-read';
import { actAs, createProjectWithMembers, type TestProject, type TestUser } from '../setup/actors';
import { createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { auditRowsSince, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import { loadRouteModule, type RouteHandler } from '../setup/routes';
import { loose } from '../setup/server-actions';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow, createTestLink } from '../setup/trace-items';

const importRequirements = loose(importActions.importRequirements);
const importTestCases = loose(importActions.importTestCases);
const ROUTE = 'app/api/projects/[projectKey]/spreadsheets/route.ts';

type Result = { ok: boolean; code?: string; data?: Record<string, unknown>; details?: Record<string, unknown> };

function sheet(grid: string[][]): Sheet {
  const read = sheetOf(grid);
  if ('problem' in read) throw new Error(read.problem);
  return read;
}

function input(project: TestProject, kind: 'requirement' | 'testCase', read: Sheet, dryRun: boolean) {
  return { projectKey: project.key, rows: read.rows, mapping: guessMapping(kind, read.headers), dryRun };
}

let route: RouteHandler;
beforeAll(async () => {
  route = (await loadRouteModule(ROUTE)).GET!;
});

async function download(project: TestProject, query: string) {
  const response = await route(new Request(`http://localhost/api/projects/${project.key}/spreadsheets?${query}`), {
    params: Promise.resolve({ projectKey: project.key }),
  });
  return response;
}

async function workbookOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  const bytes = await response.arrayBuffer();
  await workbook.xlsx.load(bytes);
  return { sheet: workbook.worksheets[0]!, bytes };
}

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('requirement import', () => {
  let project: TestProject;
  let amoa: TestUser;
  let chapter: { id: string; number: number };
  beforeAll(async () => {
    const made = await createProjectWithMembers();
    project = made.project;
    amoa = made.members.amoa;
    chapter = await createRequirementRow(project, { title: 'Chapitre paie', priority: 'must' });
  });

  const file = () =>
    parseCsv(
      '\uFEFFRéf;Titre;Énoncé;Priorité;Statut;Étiquettes;Parent\r\n' +
        ';Calcul du brut;Le brut additionne les primes.;Doit;Brouillon;paie, brut;EXF-1\r\n' +
        ';Calcul du net;Le net retire les cotisations.;Devrait;;paie;EXF-1\r\n',
    ).rows;

  test('the dry run lists what would happen and writes nothing', async () => {
    await actAs(amoa);
    const before = await snapshotTables();
    const result = (await importRequirements(input(project, 'requirement', sheet(file()), true))) as Result;
    expect(result.ok).toBe(true);
    expect(result.data).toMatchObject({ counts: { create: 2, update: 0, unchanged: 0, errors: 0 } });
    expect(await snapshotTables()).toEqual(before);
  });

  test('errors by row refuse the whole import: nothing written', async () => {
    await actAs(amoa);
    const grid = [...file(), ['EXF-404', '', '', 'Urgent', '', '', 'EXF-77']];
    const before = await snapshotTables();
    const result = (await importRequirements(input(project, 'requirement', sheet(grid), false))) as Result;
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect((result.details as { errors: unknown[] }).errors).toEqual([
      { line: 4, field: 'ref', code: 'refUnknown', value: 'EXF-404' },
      { line: 4, field: 'priority', code: 'priorityInvalid', value: 'Urgent' },
      { line: 4, field: 'parentRef', code: 'parentUnknown', value: 'EXF-77' },
      { line: 4, field: 'title', code: 'titleMissing' },
    ]);
    expect(await snapshotTables()).toEqual(before);
  });

  test('the import creates items with their refs, version 1 in the history and a journal row each', async () => {
    await actAs(amoa);
    const since = await maxAuditId();
    const result = (await importRequirements(input(project, 'requirement', sheet(file()), false))) as Result;
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.data!.created).toEqual(['EXF-2', 'EXF-3']);
    const rows = await getDb().select().from(requirements).where(and(eq(requirements.projectId, project.id), eq(requirements.number, 2)));
    expect(rows[0]).toMatchObject({ title: 'Calcul du brut', priority: 'must', status: 'draft', tags: ['paie', 'brut'], parentId: chapter.id, version: 1 });
    expect((await listVersions(getDb(), 'requirement', rows[0]!.id)).map((v) => v.version)).toEqual([1]);
    const journal = await auditRowsSince(since);
    expect(journal.map((r) => [r.entity, r.action])).toEqual([
      ['requirement', 'create'],
      ['requirement', 'create'],
      ['import', 'import_requirements'],
    ]);
    expect(journal.every((r) => r.actor_id === amoa.id)).toBe(true);
  });

  test('re-importing the export: unchanged rows are no-ops, a changed row is a new version, never a duplicate', async () => {
    await actAs(amoa);
    const exported = await readXlsx((await workbookOf(await download(project, 'what=requirements'))).bytes);
    if ('problem' in exported) throw new Error(exported.problem);
    const same = (await importRequirements(input(project, 'requirement', exported, false))) as Result;
    expect(same.ok).toBe(true);
    expect(same.data).toMatchObject({ counts: { create: 0, update: 0, unchanged: 3, errors: 0 } });

    const titleColumn = exported.headers.indexOf('Titre');
    exported.rows[2]!.cells[titleColumn] = 'Calcul du net à payer';
    const since = await maxAuditId();
    const changed = (await importRequirements(input(project, 'requirement', exported, false))) as Result;
    expect(changed.data).toMatchObject({ counts: { create: 0, update: 1, unchanged: 2 } });
    const [net] = await getDb().select().from(requirements).where(and(eq(requirements.projectId, project.id), eq(requirements.number, 3)));
    expect(net).toMatchObject({ title: 'Calcul du net à payer', version: 2 });
    expect((await listVersions(getDb(), 'requirement', net!.id)).map((v) => v.version)).toEqual([2, 1]);
    expect((await getDb().select().from(requirements).where(eq(requirements.projectId, project.id))).length).toBe(3);
    const journal = await queryRows<{ action: string; before: unknown }>(
      sql`select action, before from audit_events where id > ${since} and entity = 'requirement' order by id`,
    );
    expect(journal).toEqual([{ action: 'update', before: expect.objectContaining({ ref: 'EXF-3', version: 1, title: 'Calcul du net' }) }]);
  });

  test('roles as DESIGN.md §4: the AMOE, the MOA and a viewer may not import requirements; an outsider gets not found', async () => {
    const made = await createProjectWithMembers();
    for (const role of ['amoe', 'moa', 'viewer'] as const) {
      await actAs(made.members[role]);
      expect(await importRequirements(input(made.project, 'requirement', sheet(file()), true))).toMatchObject({ ok: false, code: 'forbidden' });
    }
    await actAs(amoa);
    expect(await importRequirements(input(made.project, 'requirement', sheet(file()), true))).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('test case import with ordered steps', () => {
  test('one row per step, created then updated as a new version from the exported file', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoe);
    const grid = [
      ['Réf', 'Titre', 'Type', 'Priorité', 'Dossier', 'N° étape', 'Action', 'Résultat attendu'],
      ['', 'Bulletin de mars', 'Fonctionnel', 'Haute', 'Paie/Bulletins', '1', 'Ouvrir le bulletin', 'Le bulletin s’affiche'],
      ['', '', '', '', '', '2', 'Lire le net', 'Le net vaut 2 345,67 €'],
      ['', 'DSN mensuelle', 'Intégration', '', 'Paie/DSN', '', 'Générer la DSN', 'Fichier déposé'],
    ];
    const created = (await importTestCases(input(project, 'testCase', sheet(grid), false))) as Result;
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(created.data!.created).toEqual(['CT-1', 'CT-2']);
    const first = await findTestCase(getDb(), project.id, 1);
    expect(first).toMatchObject({
      title: 'Bulletin de mars',
      type: 'functional',
      priority: 'high',
      folder: 'Paie/Bulletins',
      version: 1,
      steps: [
        { action: 'Ouvrir le bulletin', expected: 'Le bulletin s’affiche' },
        { action: 'Lire le net', expected: 'Le net vaut 2 345,67 €' },
      ],
    });

    const { sheet: exported, bytes } = await workbookOf(await download(project, 'what=testCases'));
    expect(values(exported).map((row) => row.slice(0, 3).concat(row.slice(11, 14)))).toEqual([
      ['Réf', 'Titre', 'Objectif', 'N° étape', 'Action', 'Résultat attendu'],
      ['CT-1', 'Bulletin de mars', '', 1, 'Ouvrir le bulletin', 'Le bulletin s’affiche'],
      ['CT-1', 'Bulletin de mars', '', 2, 'Lire le net', 'Le net vaut 2 345,67 €'],
      ['CT-2', 'DSN mensuelle', '', 1, 'Générer la DSN', 'Fichier déposé'],
    ]);
    const read = await readXlsx(bytes);
    if ('problem' in read) throw new Error(read.problem);
    expect((await importTestCases(input(project, 'testCase', read, false))) as Result).toMatchObject({
      ok: true,
      data: { counts: { create: 0, update: 0, unchanged: 2, errors: 0 } },
    });
    read.rows[1]!.cells[read.headers.indexOf('Résultat attendu')] = 'Le net vaut 2 400,00 €';
    expect((await importTestCases(input(project, 'testCase', read, false))) as Result).toMatchObject({ ok: true, data: { counts: { update: 1, unchanged: 1 } } });
    expect(await findTestCase(getDb(), project.id, 1)).toMatchObject({ version: 2, steps: [{ action: 'Ouvrir le bulletin' }, { expected: 'Le net vaut 2 400,00 €' }] });
  });
});

describe('.xlsx exports read back cell by cell', () => {
  let project: TestProject;
  let viewer: TestUser;
  let campaignNumber: number;
  beforeAll(async () => {
    const made = await createProjectWithMembers();
    project = made.project;
    viewer = made.members.viewer;
    const requirement = await createRequirementRow(project, { title: '=Formule inerte', priority: 'must', status: 'validated', tags: ['paie'] });
    const specification = await createSpecificationRow(project, { status: 'approved' });
    await createLink(project, requirement, specification);
    const testCase = await createTestCaseRow(project, { title: 'Bulletin de mars' });
    await createTestLink(project, specification, testCase);
    const campaign = await createCampaignRow(project, { status: 'in_progress' });
    const item = await createItemRow(campaign, project, testCase);
    await createExecutionRow(item, campaign, project, testCase, {
      status: 'passed',
      startedAt: new Date('2026-07-14T08:00:00Z'),
      finishedAt: new Date('2026-07-14T08:30:00Z'),
    });
    campaignNumber = campaign.number;
  });

  // CT-1's latest run passed (the campaign below), so EXF-1 reads « Vérifiée » as on the matrix page.
  test('the matrix: French headers, frozen header row, filters, values as the page shows them', async () => {
    await actAs(viewer);
    const { sheet } = await workbookOf(await download(project, 'what=matrix'));
    expect(sheet.name).toBe('Matrice');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:H1');
    expect(values(sheet)).toEqual([
      ['Réf', 'Titre', 'Priorité', 'Statut', 'Couverture', 'Spécifications liées', 'Spécifications à revoir (liens suspects)', 'Cas de test'],
      ['EXF-1', '=Formule inerte', 'Doit', 'Validée', 'Vérifiée', 'STD-1', '', 'CT-1'],
    ]);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.String);
  });

  test('a campaign’s results with Paris dates; English headers for an English reader', async () => {
    await actAs(viewer);
    const { sheet } = await workbookOf(await download(project, `what=campaign&campaign=${campaignNumber}`));
    const [header, row] = values(sheet);
    expect(header).toEqual(['N°', 'Réf', 'Titre', 'Dossier', 'Version planifiée', 'Résultat', 'Motif de non-exécution', 'Exécuté par', 'Début', 'Fin', 'Commentaire', 'Anomalies']);
    expect(row!.slice(0, 6)).toEqual([1, 'CT-1', 'Bulletin de mars', '', 1, 'Réussi']);
    // 08:00 UTC in July is 10:00 in Paris: the wall clock the spreadsheet shows.
    expect((row![8] as Date).toISOString()).toBe('2026-07-14T10:00:00.000Z');
    expect(sheet.getCell('I2').numFmt).toBe('dd/mm/yyyy hh:mm');

    const english = await projectSheet(getDb(), project.id, 'requirements', translators('en'));
    expect(english.columns.map((c) => c.header).slice(0, 7)).toEqual(['Ref', 'Title', 'Statement', 'Rationale', 'Acceptance criteria', 'Priority', 'Status']);
    expect(english.rows[0]!.slice(5, 7)).toEqual(['Must', 'Validated']);
    expect((await download(project, 'what=campaign&campaign=999')).status).toBe(404);
  });
});

describe('large exports are set-based', () => {
  /** A second Drizzle instance on the same connection, counting the statements it sends. */
  function countingDb(): { db: Database; count: () => number } {
    let statements = 0;
    const logger = { logQuery: () => void (statements += 1) };
    const handle = getDatabaseHandle();
    const db = (handle.kind === 'pglite' ? drizzlePglite({ client: handle.client, schema, logger }) : drizzlePostgres({ client: handle.client, schema, logger })) as unknown as Database;
    return { db, count: () => statements };
  }

  test('the statements per sheet do not grow with the project', async () => {
    const small = (await createProjectWithMembers()).project;
    const large = (await createProjectWithMembers()).project;
    await createTestCaseRow(small, { steps: [{ action: 'a', expected: 'b' }] });
    await createRequirementRow(small);
    for (let i = 0; i < 60; i += 1) {
      await createTestCaseRow(large, { steps: [{ action: 'a', expected: 'b' }, { action: 'c', expected: 'd' }] });
      await createRequirementRow(large);
    }
    for (const what of ['requirements', 'testCases', 'matrix'] as const) {
      const a = countingDb();
      await projectSheet(a.db, small.id, what, translators('fr'));
      const b = countingDb();
      const sheet = await projectSheet(b.db, large.id, what, translators('fr'));
      expect(sheet.rows.length).toBe(what === 'testCases' ? 120 : 60);
      expect(b.count(), what).toBe(a.count());
      expect(b.count(), what).toBe(1);
    }
  });
});
