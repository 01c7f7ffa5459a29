import { describe, expect, test } from 'vitest';
import type { RequirementFields } from '@/lib/requirements/schema';
import type { TestCaseFields } from '@/lib/recette/schema';
import { guessMapping } from './columns';
import { planRequirementImport, requirementRefsOf, type ExistingRequirement } from './requirement-plan';
import { planTestCaseImport, type ExistingTestCase } from './test-case-plan';
import { sheetOf, type Sheet } from './sheet';
import { refNumberOf, requirementPriorityOf, testCaseTypeOf, booleanOf } from './values';

function sheet(grid: string[][]): Sheet {
  const read = sheetOf(grid);
  if ('problem' in read) throw new Error(read.problem);
  return read;
}

const R1 = '00000000-0000-4000-8000-000000000001';
const R2 = '00000000-0000-4000-8000-000000000002';
const R3 = '00000000-0000-4000-8000-000000000003';

const stored: RequirementFields = {
  title: 'Paie',
  statement: 'Le salaire est versé le 28.',
  rationale: '',
  acceptanceCriteria: '',
  priority: 'must',
  status: 'validated',
  source: '',
  tags: ['paie'],
  parentId: null,
};
const existing = new Map<number, ExistingRequirement>([
  [1, { id: R1, number: 1, parentId: null, version: 2, revision: 4, snapshot: stored }],
  [2, { id: R2, number: 2, parentId: R1, version: 1, revision: 1, snapshot: { ...stored, title: 'Net', parentId: R1 } }],
  [3, { id: R3, number: 3, parentId: null, version: 1, revision: 1 }],
]);

describe('cell values in French and English', () => {
  test('labels, codes and letters; anything else is not guessed', () => {
    expect(['Doit', 'must', 'M', 'ne fera pas', "Won't"].map(requirementPriorityOf)).toEqual(['must', 'must', 'must', 'wont', 'wont']);
    expect(requirementPriorityOf('Urgent')).toBeUndefined();
    expect(['Non-régression', 'Recette utilisateur', 'security'].map(testCaseTypeOf)).toEqual(['non_regression', 'user_acceptance', 'security']);
    expect(['Oui', 'x', 'no', 'peut-être'].map(booleanOf)).toEqual([true, true, false, undefined]);
    expect([refNumberOf('EXF-12', 'requirement'), refNumberOf(' exf 3 ', 'requirement'), refNumberOf('7', 'requirement')]).toEqual([12, 3, 7]);
    expect([refNumberOf('CT-12', 'requirement'), refNumberOf('douze', 'requirement'), refNumberOf('0', 'requirement')]).toEqual([null, null, null]);
  });
});

describe('sheet limits', () => {
  test('a header alone is empty; trailing blank rows are dropped; too many rows is refused', () => {
    expect(sheetOf([['Titre'], ['', '']])).toEqual({ problem: 'empty' });
    expect(sheet([['Titre'], ['a'], [''], ['b'], ['']]).rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(sheetOf([['Titre'], ...Array.from({ length: 5_001 }, () => ['x'])])).toEqual({ problem: 'tooManyRows' });
    expect(sheetOf([Array.from({ length: 61 }, () => 'c'), ['x']])).toEqual({ problem: 'tooManyColumns' });
  });
});

describe('requirement rows', () => {
  const grid = [
    ['Réf', 'Titre', 'Énoncé', 'Priorité', 'Statut', 'Étiquettes', 'Parent'],
    ['EXF-1', 'Paie', 'Le salaire est versé le 28.', 'Doit', 'Validée', 'paie', ''],
    ['EXF-2', 'Net à payer', '', 'Devrait', '', 'paie; net', 'EXF-1'],
    ['', 'Nouvelle exigence', 'Texte', '', '', '', 'EXF-1'],
    ['', '', '', '', '', '', ''],
    ['', '', 'Sans titre', 'Doit', '', '', ''],
    ['EXF-99', 'Inconnue', '', 'Urgent', 'Peut-être', '', 'EXF-42'],
    ['EXF-2', 'Doublon', '', '', '', '', ''],
  ];
  const { headers, rows } = sheet(grid);
  const mapping = guessMapping('requirement', headers);
  const plan = planRequirementImport(rows, mapping, existing);

  test('errors by line: missing title, unknown ref, bad values, unknown parent, duplicate ref', () => {
    expect(plan.errors).toEqual([
      { line: 6, field: 'title', code: 'titleMissing' },
      { line: 7, field: 'ref', code: 'refUnknown', value: 'EXF-99' },
      { line: 7, field: 'priority', code: 'priorityInvalid', value: 'Urgent' },
      { line: 7, field: 'status', code: 'statusInvalid', value: 'Peut-être' },
      { line: 7, field: 'parentRef', code: 'parentUnknown', value: 'EXF-42' },
      { line: 8, field: 'ref', code: 'refDuplicate', value: 'EXF-2' },
    ]);
  });

  test('an unchanged row is a no-op, a changed one a new version, a row without ref a creation with defaults', () => {
    expect(plan.items.map((i) => [i.line, i.outcome])).toEqual([
      [2, 'unchanged'],
      [3, 'update'],
      [4, 'create'],
    ]);
    const update = plan.items[1]!;
    expect(update).toMatchObject({ id: R2, version: 2, revision: 2, newVersion: true });
    expect(update.changed).toEqual(['title', 'statement', 'priority', 'tags']);
    expect(update.fields).toMatchObject({ title: 'Net à payer', statement: '', priority: 'should', status: 'validated', tags: ['paie', 'net'] });
    expect(plan.items[2]!.fields).toMatchObject({ title: 'Nouvelle exigence', priority: 'should', status: 'draft', parentId: R1 });
  });

  test('the refs to load are the rows’ own and their parents’', () => {
    expect(requirementRefsOf(rows, mapping).sort((a, b) => a - b)).toEqual([1, 2, 42, 99]);
  });

  test('a field without a column keeps what the requirement has', () => {
    const only = sheet([['Ref', 'Title'], ['EXF-1', 'Paie revue']]);
    const [item] = planRequirementImport(only.rows, guessMapping('requirement', only.headers), existing).items;
    expect(item!.fields).toEqual({ ...stored, title: 'Paie revue' });
  });

  test('moving a requirement under its own child is a cycle', () => {
    const move = sheet([['Réf', 'Parent'], ['EXF-1', 'EXF-2']]);
    expect(planRequirementImport(move.rows, guessMapping('requirement', move.headers), existing).errors).toEqual([
      { line: 2, field: 'parentRef', code: 'parentCycle' },
    ]);
  });
});

describe('test case rows with their steps', () => {
  const current: TestCaseFields = {
    title: 'Calcul du net',
    objective: '',
    preconditions: '',
    testData: '',
    steps: [{ action: 'Ouvrir', expected: 'Ouvert' }],
    type: 'functional',
    priority: 'high',
    folder: 'Paie',
    tags: [],
    automated: false,
    automationKey: '',
    criteria: [],
  };
  const known = new Map<number, ExistingTestCase>([[4, { id: 't4', number: 4, version: 3, revision: 3, snapshot: current }]]);

  test('one row per step: the same ref or no ref and no title continues the test case; step numbers order them', () => {
    const { headers, rows } = sheet([
      ['Réf', 'Titre', 'Type', 'Priorité', 'Dossier', 'N° étape', 'Action', 'Résultat attendu'],
      ['CT-4', 'Calcul du net', 'Fonctionnel', 'Haute', 'Paie', '1', 'Ouvrir', 'Ouvert'],
      ['CT-4', 'Calcul du net', 'Fonctionnel', 'Haute', 'Paie', '2', 'Calculer', 'Net affiché'],
      ['', 'Export DSN', 'Intégration', '', 'Paie / DSN ', '2', 'Envoyer', 'Accusé reçu'],
      ['', '', '', '', '', '1', 'Générer', 'Fichier créé'],
    ]);
    const plan = planTestCaseImport(rows, guessMapping('testCase', headers), known);
    expect(plan.errors).toEqual([]);
    expect(plan.items.map((i) => [i.line, i.outcome])).toEqual([
      [2, 'update'],
      [4, 'create'],
    ]);
    expect(plan.items[0]!.fields.steps).toEqual([
      { action: 'Ouvrir', expected: 'Ouvert' },
      { action: 'Calculer', expected: 'Net affiché' },
    ]);
    expect(plan.items[0]).toMatchObject({ version: 4, changed: ['steps'] });
    expect(plan.items[1]!.fields).toMatchObject({
      title: 'Export DSN',
      type: 'integration',
      priority: 'medium',
      folder: 'Paie/DSN',
      steps: [
        { action: 'Générer', expected: 'Fichier créé' },
        { action: 'Envoyer', expected: 'Accusé reçu' },
      ],
    });
  });

  test('the same test case unchanged is a no-op', () => {
    const { headers, rows } = sheet([['Ref', 'Title', 'Priority', 'Action', 'Expected result'], ['CT-4', 'Calcul du net', 'High', 'Ouvrir', 'Ouvert']]);
    expect(planTestCaseImport(rows, guessMapping('testCase', headers), known).items.map((i) => i.outcome)).toEqual(['unchanged']);
  });

  test('bad type, bad yes/no, automated without key, step without action, duplicate and unknown refs', () => {
    const { headers, rows } = sheet([
      ['Ref', 'Title', 'Type', 'Automated', 'Action', 'Expected result'],
      ['', 'A', 'Exploratoire', '', 'x', ''],
      ['', 'B', '', 'peut-être', '', ''],
      ['', '', '', '', '', 'Résultat sans action'],
      ['', 'C', '', 'oui', '', ''],
      ['CT-4', 'D', '', '', '', ''],
      ['CT-5', 'E', '', '', '', ''],
      ['CT-4', 'F', '', '', '', ''],
    ]);
    const mapping = guessMapping('testCase', headers);
    expect(planTestCaseImport(rows, mapping, known).errors).toEqual([
      { line: 2, field: 'type', code: 'typeInvalid', value: 'Exploratoire' },
      { line: 3, field: 'automated', code: 'automatedInvalid', value: 'peut-être' },
      { line: 4, field: 'stepAction', code: 'stepActionMissing' },
      { line: 5, field: 'automationKey', code: 'automationKeyMissing' },
      { line: 7, field: 'ref', code: 'refUnknown', value: 'CT-5' },
      { line: 8, field: 'ref', code: 'refDuplicate', value: 'CT-4' },
    ]);
  });
});
