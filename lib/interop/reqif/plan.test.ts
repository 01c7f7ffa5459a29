import { describe, expect, it } from 'vitest';
import type { ReqifDocument, ReqifObject } from './model';
import { planImport, type ImportedRequirement } from './plan';

const object = (identifier: string, title: string, fields: Record<string, string> = {}): ReqifObject => ({
  identifier,
  title,
  text: '',
  typeName: 'Exigence',
  fields,
  parentIdentifier: null,
  position: 0,
  depth: 1,
  specification: null,
});
const doc = (objects: ReqifObject[]): ReqifDocument => ({ title: '', toolId: '', sourceToolId: '', files: [], objects, relations: [], specifications: [], depth: 1, warnings: [] });
const existing = (number: number, title: string, tracked: boolean): ImportedRequirement => ({
  requirementId: `r${number}`,
  number,
  version: 1,
  importedVersion: 1,
  title,
  statement: '',
  parentIdentifier: null,
  parentIsLocal: false,
  fields: {},
  tracked,
});

describe('planning a ReqIF import', () => {
  it('the ForeignID the export wrote (the requirement’s own ref) is no change and no field; another one is a field', () => {
    const plan = planImport(
      doc([object('_r1', 'Calcul', { 'ReqIF.ForeignID': 'EXF-1' }), object('POL-2', 'Paie', { 'ReqIF.ForeignID': 'LOREM-818' })]),
      new Map([
        ['_r1', existing(1, 'Calcul', false)],
        ['POL-2', existing(2, 'Paie', true)],
      ]),
    );
    expect(plan.items.map((i) => [i.status, i.incoming.fields])).toEqual([
      ['unchanged', {}],
      ['changed', { 'ReqIF.ForeignID': 'LOREM-818' }],
    ]);
  });

  it('leaves out the project’s own specifications, with a warning, and counts only what it plans', () => {
    const plan = planImport(doc([object('_s1', 'Moteur'), object('X', 'Nouvelle')]), new Map(), new Set(['_s1']));
    expect(plan.items.map((i) => i.incoming.identifier)).toEqual(['X']);
    expect(plan.counts).toEqual({ new: 1, changed: 0, unchanged: 0, conflict: 0 });
    expect(plan.warnings).toEqual([{ code: 'ownSpecification', identifier: '_s1', detail: 'Moteur' }]);
  });
});
