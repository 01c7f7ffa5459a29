import { beforeAll, describe, expect, test } from 'vitest';
import { createRequirement } from '@/app/(app)/projects/[projectKey]/requirements/actions';
import { createSpecification } from '@/app/(app)/projects/[projectKey]/specifications/actions';
import { getDb } from '@/db/client';
import { listRequirements, listRequirementTags, type RequirementFilters } from '@/db/queries/requirements';
import { listSpecifications, type SpecificationFilters } from '@/db/queries/specifications';
import { searchTraceItems } from '@/db/queries/traceability-pages';
import { actAs, createProjectWithMembers, type TestProject } from '../setup/actors';
import { createLink, createRequirementRow, createSpecificationRow, verifySpecification } from '../setup/trace-items';

/**
 * French full-text search with accents ignored and every word a prefix, plus refs typed as such; the same on PGlite and
 * PostgreSQL (this file runs on both). One data set for the file, read-only after `beforeAll`.
 */
let project: TestProject;
let other: TestProject;

beforeAll(async () => {
  ({ project } = await createProjectWithMembers());
  ({ project: other } = await createProjectWithMembers());
  const r1 = await createRequirementRow(project, {
    title: 'Spécifications de la paie',
    statement: 'Bulletins mensuels.',
    status: 'validated',
    priority: 'must',
    tags: ['paie'],
  });
  await createRequirementRow(project, {
    title: 'Gestion des congés payés',
    statement: 'Décompte en jours ouvrés.',
    status: 'draft',
    priority: 'should',
    tags: ['rh'],
  });
  const r3 = await createRequirementRow(project, {
    title: 'Export comptable',
    statement: 'Écritures vers la comptabilité générale de la paie.',
    status: 'draft',
    priority: 'must',
    tags: ['paie', 'compta'],
    version: 2,
  });
  await createRequirementRow(project, {
    title: 'Paie des intérimaires',
    statement: 'Contrats courts.',
    status: 'validated',
    priority: 'could',
    tags: ['paie'],
  });
  await createRequirementRow(project, {
    title: 'Sécurité des accès',
    statement: 'Authentification forte.',
    rationale: 'Exigence du RSSI.',
    status: 'obsolete',
    priority: 'must',
  });
  const approved = await createSpecificationRow(project, {
    title: 'Architecture de la paie',
    body: 'Diagramme de séquence du calcul.',
    category: 'architecture',
    status: 'approved',
  });
  await createSpecificationRow(project, { title: 'Interface comptable', body: 'Fichier FEC exporté chaque nuit.', category: 'interface' });
  await createSpecificationRow(project, { title: 'Sauvegardes', body: 'Rétention de 30 jours.', category: 'operations', status: 'in_review' });
  await createLink(project, r1, approved);
  await createLink(project, r3, approved, { reviewedVersion: 1 });
  // A test case verifies the approved specification, so a clean link to it covers the requirement.
  await verifySpecification(project, approved);

  // Same words in another project: never found from this one.
  await createRequirementRow(other, { title: 'Paie ailleurs', tags: ['paie'], status: 'validated', priority: 'must' });
  await createSpecificationRow(other, { title: 'Architecture de la paie ailleurs', category: 'architecture' });
});

async function requirementNumbers(filters: RequirementFilters): Promise<number[]> {
  const { rows, total } = await listRequirements(getDb(), project.id, { pageSize: 0, ...filters });
  expect(total).toBe(rows.length);
  return rows.map((r) => r.number);
}

async function specificationNumbers(filters: SpecificationFilters): Promise<number[]> {
  return (await listSpecifications(getDb(), project.id, filters)).rows.map((r) => r.number);
}

describe('requirement search', () => {
  test.each([
    ['paie', [1, 3, 4]],
    ['Paie', [1, 3, 4]],
    ['specification', [1]],
    ['SPÉCIFICATION', [1]],
    ['spéc', [1]],
    ['cong', [2]],
    ['conges payes', [2]],
    ['congés', [2]],
    ['ecritures', [3]],
    ['compta', [3]],
    ['interim', [4]],
    ['paie interimaires', [4]],
    ['securite', [5]],
    ['rssi', [5]],
    ['EXF-3', [3]],
    [' exf 4 ', [4]],
    ['EXF-99', []],
    ['STD-1', []],
    ['xyzzy', []],
    ['paie & | ! :* (', [1, 3, 4]],
    ["paie') or ('1'='1", []],
  ])('%j → EXF %j', async (q, expected) => {
    expect(await requirementNumbers({ q })).toEqual(expected);
  });

  test('an empty or punctuation-only query filters nothing; a stop word alone does not fail', async () => {
    expect(await requirementNumbers({ q: '' })).toEqual([1, 2, 3, 4, 5]);
    expect(await requirementNumbers({ q: '  ' })).toEqual([1, 2, 3, 4, 5]);
    expect(await requirementNumbers({ q: '&|!' })).toEqual([1, 2, 3, 4, 5]);
    expect(Array.isArray(await requirementNumbers({ q: 'de la' }))).toBe(true);
  });

  test.each<[RequirementFilters, number[]]>([
    [{ status: 'validated' }, [1, 4]],
    [{ status: 'validated', q: 'paie' }, [1, 4]],
    [{ priority: 'must' }, [1, 3, 5]],
    [{ priority: 'must', tag: 'paie' }, [1, 3]],
    [{ tag: 'paie', q: 'export' }, [3]],
    [{ tag: 'rh' }, [2]],
    [{ tag: 'inconnu' }, []],
    [{ coverage: 'covered' }, [1]],
    [{ coverage: 'suspect' }, [3]],
    [{ coverage: 'uncovered' }, [2, 4, 5]],
    [{ coverage: 'uncovered', tag: 'paie' }, [4]],
    [{ coverage: 'suspect', tag: 'paie', priority: 'must', status: 'draft', q: 'ecriture' }, [3]],
    [{ coverage: 'suspect', tag: 'paie', priority: 'must', status: 'validated', q: 'ecriture' }, []],
    [{ coverage: 'covered', q: 'EXF-3' }, []],
  ])('filters combine: %j → EXF %j', async (filters, expected) => {
    expect(await requirementNumbers(filters)).toEqual(expected);
  });

  test('the tag filter lists only this project’s tags', async () => {
    expect(await listRequirementTags(getDb(), project.id)).toEqual(['compta', 'paie', 'rh']);
  });
});

describe('paging', () => {
  test('pages partition the matches; the total counts every match on every page', async () => {
    const { project: paged } = await createProjectWithMembers();
    for (let i = 1; i <= 7; i += 1) await createRequirementRow(paged, { title: `Règle de paie ${i}` });
    for (let i = 1; i <= 3; i += 1) await createRequirementRow(paged, { title: `Autre règle ${i}` });
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await listRequirements(getDb(), paged.id, { q: 'paie', page, pageSize: 3 }));
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.number))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const all = await listRequirements(getDb(), paged.id, { page: 2, pageSize: 4 });
    expect(all.rows.map((r) => r.number)).toEqual([5, 6, 7, 8]);
    expect(all.total).toBe(10);
    // A page number below 1 reads as the first page.
    expect((await listRequirements(getDb(), paged.id, { page: 0, pageSize: 4 })).rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
  });

  test('specification pages too', async () => {
    const { project: paged } = await createProjectWithMembers();
    for (let i = 1; i <= 5; i += 1) await createSpecificationRow(paged, { title: `Flux de paie ${i}`, category: 'interface' });
    await createSpecificationRow(paged, { title: 'Sauvegarde', category: 'operations' });
    const second = await listSpecifications(getDb(), paged.id, { q: 'flux', page: 2, pageSize: 2 });
    expect(second.rows.map((r) => r.number)).toEqual([3, 4]);
    expect(second.total).toBe(5);
  });
});

describe('specification search', () => {
  test.each<[SpecificationFilters, number[]]>([
    [{ q: 'paie' }, [1]],
    [{ q: 'sequence' }, [1]],
    [{ q: 'SÉQUENCE calcul' }, [1]],
    [{ q: 'comptable' }, [2]],
    [{ q: 'exporte' }, [2]],
    [{ q: 'retention' }, [3]],
    [{ q: 'STD-2' }, [2]],
    [{ q: 'std 3' }, [3]],
    [{ q: 'EXF-1' }, []],
    [{ category: 'interface' }, [2]],
    [{ status: 'in_review' }, [3]],
    [{ status: 'approved', category: 'architecture', q: 'paie' }, [1]],
    [{ status: 'draft', category: 'architecture' }, []],
    [{ suspect: true }, [1]],
    [{ suspect: true, q: 'sauvegarde' }, []],
  ])('%j → STD %j', async (filters, expected) => {
    expect(await specificationNumbers(filters)).toEqual(expected);
  });
});

describe('the link picker search', () => {
  test('words, refs and bare numbers, scoped to the project', async () => {
    const db = getDb();
    const titles = async (type: 'requirement' | 'specification', q?: string) =>
      (await searchTraceItems(db, project.id, type, q, 20)).map((i) => `${i.ref} ${i.title}`);
    expect(await titles('requirement', 'paie')).toEqual(
      expect.arrayContaining(['EXF-1 Spécifications de la paie', 'EXF-3 Export comptable', 'EXF-4 Paie des intérimaires']),
    );
    expect(await titles('requirement', 'paie')).toHaveLength(3);
    expect(await titles('requirement', 'EXF-2')).toEqual(['EXF-2 Gestion des congés payés']);
    expect((await titles('requirement', '5'))[0]).toBe('EXF-5 Sécurité des accès');
    expect(await titles('specification', 'architecture')).toEqual(['STD-1 Architecture de la paie']);
    expect(await titles('specification')).toEqual(['STD-1 Architecture de la paie', 'STD-2 Interface comptable', 'STD-3 Sauvegardes']);
    expect((await titles('requirement')).some((t) => t.includes('ailleurs'))).toBe(false);
    expect(await searchTraceItems(db, project.id, 'requirement', undefined, 2)).toHaveLength(2);
  });
});

describe('search through the actions', () => {
  test('an item created by an action is found at once, without accents in the query', async () => {
    const { project: fresh, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const created = (await createRequirement({ projectKey: fresh.key, title: 'Éditique des bulletins', priority: 'must' })) as { ok: boolean };
    expect(created.ok).toBe(true);
    await createSpecification({ projectKey: fresh.key, title: 'Référentiel', body: 'Données élémentaires', category: 'data' });
    expect((await listRequirements(getDb(), fresh.id, { q: 'editique' })).rows.map((r) => r.title)).toEqual(['Éditique des bulletins']);
    expect((await listSpecifications(getDb(), fresh.id, { q: 'elementaire' })).rows.map((r) => r.title)).toEqual(['Référentiel']);
  });
});
