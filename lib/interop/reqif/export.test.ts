import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { validateReqif } from '@/tests/setup/reqif-schema';
import { fixturesDir } from '../fixtures-path';
import { buildReqifExport, type ExportInput } from './export';
import { parseReqif } from './parse';

const at = new Date('2026-03-02T09:00:00Z');
const ids = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const input: ExportInput = {
  projectKey: 'PAIE',
  projectName: 'Paie & RH <2026>',
  now: at,
  requirements: [
    { id: ids(1), ref: 'EXF-1', title: 'Chapitre 1 : calcul', statement: '', parentId: null, identifier: null, fields: {}, updatedAt: at },
    {
      id: ids(2),
      ref: 'EXF-2',
      title: 'Salaire « net »',
      statement: 'Le système **doit** calculer le *net*.\n\n- brut\n- cotisations\n\n| Élément | Taux |\n| --- | --- |\n| CSG | 9,2 % |\n\n1. saisir\n2. valider',
      parentId: ids(1),
      identifier: 'DOORS_42',
      fields: { Statut: 'Approuvé', 'ReqIF.ForeignCreatedOn': '2026-01-01T00:00:00Z' },
      updatedAt: at,
    },
    { id: ids(3), ref: 'EXF-3', title: 'Virement', statement: 'Le 28 & pas après.', parentId: ids(2), identifier: '1-not-an-ncname', fields: {}, updatedAt: at },
  ],
  specifications: [{ id: ids(10), ref: 'STD-1', title: 'Interface bancaire', body: '# SEPA\n\nFichier `pain.001`.', updatedAt: at }],
  links: [
    { id: ids(20), sourceId: ids(2), targetId: ids(10), typeName: 'Lien de traçabilité', identifier: null },
    { id: ids(21), sourceId: ids(2), targetId: ids(3), typeName: 'Raffine', identifier: 'REL_1' },
    { id: ids(22), sourceId: ids(2), targetId: ids(99), typeName: 'Raffine', identifier: null },
  ],
};

describe('ReqIF export', () => {
  test('validates against the OMG ReqIF schema', async () => {
    const result = await validateReqif(buildReqifExport(input));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  }, 30_000);

  test('the validator does refuse what the corpus README says is invalid (so the check above can fail)', async () => {
    const polarion = readFileSync(fixturesDir('reqif', 'polarion_test_export.reqif'), 'utf8');
    expect((await validateReqif(polarion)).valid).toBe(false);
    const tc1100 = readFileSync(fixturesDir('reqif', 'rmf_ifr_TC1100_system_attributes_hierarchy.reqif'), 'utf8');
    expect((await validateReqif(tc1100)).valid).toBe(true);
  }, 30_000);

  test('reads back as the same tree, text, fields and relations', () => {
    const doc = parseReqif(buildReqifExport(input));
    expect(doc.warnings).toEqual([]);
    expect(doc.depth).toBe(3);
    const byTitle = new Map(doc.objects.map((o) => [o.title, o]));
    const salary = byTitle.get('Salaire « net »')!;
    expect(salary.identifier).toBe('DOORS_42');
    expect(salary.text).toBe(input.requirements[1]!.statement);
    expect(salary.fields).toEqual({ Statut: 'Approuvé', 'ReqIF.ForeignCreatedOn': '2026-01-01T00:00:00Z', 'ReqIF.ForeignID': 'EXF-2' });
    expect(salary.parentIdentifier).toBe(byTitle.get('Chapitre 1 : calcul')!.identifier);
    const transfer = byTitle.get('Virement')!;
    expect(transfer.identifier).toBe(`_${ids(3)}`);
    expect(transfer.text).toBe('Le 28 & pas après.');
    expect(byTitle.get('Interface bancaire')!.text).toBe('# SEPA\n\nFichier `pain.001`.');
    // The link to an object outside the export is left out; the other two are relations between exported objects.
    expect(doc.relations.map((r) => [r.source, r.target, r.typeName])).toEqual([
      ['DOORS_42', `_${ids(10)}`, 'Lien de traçabilité'],
      ['DOORS_42', `_${ids(3)}`, 'Raffine'],
    ]);
    expect(doc.relations[1]!.identifier).toBe('REL_1');
  });
});
