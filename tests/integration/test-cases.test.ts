import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import * as testCaseActions from '@/app/(app)/projects/[projectKey]/test-cases/actions';
import * as traceabilityActions from '@/app/(app)/projects/[projectKey]/traceability/actions';
import { getDb } from '@/db/client';
import { listRequirements } from '@/db/queries/requirements';
import { findTestCase, listTestCaseFacets, listTestCaseLinks, listTestCases } from '@/db/queries/test-cases';
import { listVersions } from '@/db/queries/versioned-items';
import { TAGS_MAX, TAG_MAX_LENGTH } from '@/lib/text/tags';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { auditRowsSince, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import { loose } from '../setup/server-actions';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow, requirementById } from '../setup/trace-items';

const createTestCase = loose(testCaseActions.createTestCase);
const updateTestCase = loose(testCaseActions.updateTestCase);
const linkTestCase = loose(testCaseActions.linkTestCase);
const updateRequirement = loose(requirementActions.updateRequirement);
const reviewTraceLink = loose(traceabilityActions.reviewTraceLink);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; details?: unknown; fieldErrors?: Record<string, string[]> };

async function expectOk(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data!;
}

const steps = [
  { action: 'Ouvrir le bulletin de mars', expected: 'Le bulletin s’affiche' },
  { action: 'Lire le net à payer', expected: 'Le net vaut 2 345,67 €' },
];

function form(projectKey: string, overrides: Record<string, unknown> = {}) {
  return {
    projectKey,
    title: 'Calcul du net à payer',
    objective: 'Vérifier le net.',
    preconditions: 'Un salarié au forfait.',
    testData: 'Matricule 0042',
    steps: JSON.stringify(steps),
    type: 'functional',
    priority: 'high',
    folder: 'Paie / Bulletins',
    tags: 'paie, net',
    ...overrides,
  };
}

describe('test cases', () => {
  test('CT-n per project, steps stored in order, version 1 in the history, audited', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoe);
    const since = await maxAuditId();
    const first = await expectOk(createTestCase(form(project.key)));
    const second = await expectOk(createTestCase(form(project.key, { title: 'Deuxième' })));
    expect([first.ref, second.ref]).toEqual(['CT-1', 'CT-2']);
    const row = await findTestCase(getDb(), project.id, 1);
    expect(row).toMatchObject({ steps, folder: 'Paie/Bulletins', tags: ['paie', 'net'], version: 1, revision: 1, automated: false });
    const history = await listVersions(getDb(), 'testCase', first.id as string);
    expect(history.map((h) => [h.version, (h.snapshot as { steps: unknown }).steps])).toEqual([[1, steps]]);
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.action])).toEqual([
      ['test_case', 'create'],
      ['test_case', 'create'],
    ]);
  });

  test('reordering steps is a new version whose snapshot keeps the new order; saving unchanged (CRLF) is not', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const { id } = await expectOk(createTestCase(form(project.key)));
    const reordered = [steps[1]!, steps[0]!];
    expect(await expectOk(updateTestCase({ ...form(project.key, { steps: JSON.stringify(reordered) }), id, revision: 1 }))).toMatchObject({
      version: 2,
      revision: 2,
      changed: ['steps'],
    });
    const before = await snapshotTables(['test_cases', 'test_case_versions', 'audit_events']);
    const crlf = reordered.map((s) => ({ action: `${s.action}\r\n`, expected: `${s.expected}  ` }));
    expect(await updateTestCase({ ...form(project.key, { steps: JSON.stringify(crlf) }), id, revision: 2 })).toEqual({
      ok: true,
      data: { version: 2, revision: 2, changed: [] },
    });
    expect(await snapshotTables(['test_cases', 'test_case_versions', 'audit_events'])).toEqual(before);
    const history = await listVersions(getDb(), 'testCase', id as string);
    expect(history.map((h) => (h.snapshot as { steps: { action: string }[] }).steps[0]!.action)).toEqual([steps[1]!.action, steps[0]!.action]);
  });

  test('a save from an older revision is a conflict that shows the steps changed meanwhile', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoe);
    const { id } = await expectOk(createTestCase(form(project.key)));
    await expectOk(updateTestCase({ ...form(project.key, { steps: JSON.stringify([...steps, { action: 'Imprimer', expected: '' }]) }), id, revision: 1 }));
    const stale = (await updateTestCase({ ...form(project.key, { title: 'Autre titre' }), id, revision: 1 })) as Result;
    expect(stale).toMatchObject({ ok: false, code: 'conflict', details: { currentVersion: 2, currentRevision: 2 } });
    expect((stale.details as { changes: { field: string }[] }).changes.map((c) => c.field)).toEqual(['title', 'steps']);
  });

  test('performance criteria are kept for performance test cases; an automated one needs its key', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoe);
    const criteria = [{ metric: 'Temps de réponse p95', unit: 's', threshold: 2, direction: 'at_most' }];
    await expectOk(createTestCase(form(project.key, { type: 'performance', criteria: JSON.stringify(criteria) })));
    expect(await findTestCase(getDb(), project.id, 1)).toMatchObject({ type: 'performance', criteria });
    const before = await snapshotTables(['test_cases']);
    expect(await createTestCase(form(project.key, { automated: 'on' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { automationKey: [expect.any(String)] } });
    expect(await snapshotTables(['test_cases'])).toEqual(before);
  });

  test('lists filter by type, folder (with sub-folders), tag, text and ref', async () => {
    const { project } = await createProjectWithMembers();
    await createTestCaseRow(project, { title: 'Bulletin mensuel', folder: 'Paie/Bulletins', tags: ['paie'] });
    await createTestCaseRow(project, { title: 'Charge de 500 bulletins', folder: 'Paie', type: 'performance' });
    await createTestCaseRow(project, { title: 'Connexion', folder: 'Sécurité', type: 'security', tags: ['auth'] });
    const titles = async (filters: Parameters<typeof listTestCases>[2]) =>
      (await listTestCases(getDb(), project.id, filters)).rows.map((r) => r.title);
    expect(await titles({ folder: 'Paie' })).toEqual(['Charge de 500 bulletins', 'Bulletin mensuel']);
    expect(await titles({ type: 'security' })).toEqual(['Connexion']);
    expect(await titles({ tag: 'paie' })).toEqual(['Bulletin mensuel']);
    expect(await titles({ q: 'bulletins' })).toEqual(['Charge de 500 bulletins', 'Bulletin mensuel']);
    expect(await titles({ q: 'CT-3' })).toEqual(['Connexion']);
  });
});

describe('folders and tags in use (the filters and the campaign scope tools)', () => {
  test('the project\'s own, each once, in French order; another project\'s stay out', async () => {
    const { project } = await createProjectWithMembers();
    const other = await createProjectWithMembers();
    await createTestCaseRow(project, { folder: 'Paie/Bulletins', tags: ['paie', 'été'] });
    await createTestCaseRow(project, { folder: 'Paie/Bulletins', tags: ['paie', 'net'] });
    await createTestCaseRow(project, { folder: 'Congés', tags: ['été', 'paie'] });
    await createTestCaseRow(project, { tags: [] });
    await createTestCaseRow(other.project, { folder: 'Ailleurs', tags: ['étranger'] });
    expect(await listTestCaseFacets(getDb(), project.id)).toEqual({ folders: ['Congés', 'Paie/Bulletins'], tags: ['été', 'net', 'paie'] });
    expect(await listTestCaseFacets(getDb(), other.project.id)).toEqual({ folders: ['Ailleurs'], tags: ['étranger'] });
  });

  test('the most tags a form accepts, each as long as allowed in 3-byte characters, fit test_cases_project_tags_idx', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoe);
    // Ideographs spread over the CJK block: nothing for PostgreSQL's compression to shorten, in the row or the index.
    const ideograph = (n: number) => String.fromCodePoint(0x4e00 + ((n * 7919) % 20_000));
    const tags = Array.from({ length: TAGS_MAX }, (_, i) => Array.from({ length: TAG_MAX_LENGTH }, (_, j) => ideograph(i * TAG_MAX_LENGTH + j)).join(''));
    const { id } = await expectOk(createTestCase(form(project.key, { tags: tags.join(',') })));
    const [row] = await queryRows<{ bytes: number }>(sql`select pg_column_size(tags) as bytes from test_cases where id = ${id}`);
    expect(row!.bytes).toBeGreaterThan(2_000);
    expect((await listTestCaseFacets(getDb(), project.id)).tags).toHaveLength(TAGS_MAX);
    expect(await createTestCase(form(project.key, { tags: [...tags, 'un de trop'].join(',') }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { tags: ['Ce texte est trop long.'] } });
  });
});

describe('test-case links and suspicion down the chain', () => {
  async function chain() {
    const { project, members } = await createProjectWithMembers();
    const requirement = await createRequirementRow(project, { title: 'Versement le 28', statement: 'Le 28.' });
    const specification = await createSpecificationRow(project, { status: 'approved' });
    await createLink(project, requirement, specification);
    const testCase = await createTestCaseRow(project);
    await actAs(members.amoe);
    const { linkId } = await expectOk(
      linkTestCase({ projectKey: project.key, testCaseId: testCase.id, targetType: 'specification', targetId: specification.id }),
    );
    return { project, members, requirement, specification, testCase, linkId: linkId as string };
  }

  test('linking twice is a conflict; another project’s items are not found', async () => {
    const { project, specification, testCase } = await chain();
    expect(
      await linkTestCase({ projectKey: project.key, testCaseId: testCase.id, targetType: 'specification', targetId: specification.id }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    const other = await createProjectWithMembers();
    const foreign = await createSpecificationRow(other.project);
    expect(
      await linkTestCase({ projectKey: project.key, testCaseId: testCase.id, targetType: 'specification', targetId: foreign.id }),
    ).toMatchObject({ ok: false, code: 'not_found' });
  });

  test('the requirement is covered once an approved spec has a test case; its change makes the test case suspect, reviewing the requirement link clears it', async () => {
    const { project, members, requirement, testCase, linkId } = await chain();
    const coverage = async () => (await listRequirements(getDb(), project.id, { pageSize: 0 })).rows[0]!.coverage;
    expect(await coverage()).toBe('covered');
    expect(await listTestCaseLinks(getDb(), project.id, testCase.id)).toEqual([expect.objectContaining({ linkId, suspect: false })]);

    await actAs(members.amoa);
    const current = (await requirementById(requirement.id))!;
    await expectOk(
      updateRequirement({
        projectKey: project.key,
        id: current.id,
        revision: current.revision,
        title: current.title,
        statement: 'Le 30.',
        priority: current.priority,
        status: current.status,
      }),
    );
    expect(await coverage()).toBe('suspect');
    expect(await listTestCaseLinks(getDb(), project.id, testCase.id)).toEqual([
      expect.objectContaining({ linkId, suspect: true, directlySuspect: false }),
    ]);
    expect((await listTestCases(getDb(), project.id, { suspect: true })).rows.map((r) => r.id)).toEqual([testCase.id]);

    // Reviewing the test-case link itself does not clear inherited suspicion: the requirement link changed.
    const [requirementLink] = await queryRows<{ id: string }>(
      sql`select id from trace_links where upstream_id = ${requirement.id} and kind = 'requirement_specification'`,
    );
    await actAs(members.amoe);
    await expectOk(reviewTraceLink({ projectKey: project.key, linkId: requirementLink!.id, seenVersion: 2 }));
    expect(await listTestCaseLinks(getDb(), project.id, testCase.id)).toEqual([expect.objectContaining({ suspect: false })]);
    expect(await coverage()).toBe('covered');
  });

  test('a test case linked straight to a requirement covers it with an approved spec, and is suspect when it changes', async () => {
    const { project, members } = await createProjectWithMembers();
    const requirement = await createRequirementRow(project);
    await createLink(project, requirement, await createSpecificationRow(project, { status: 'approved' }));
    const testCase = await createTestCaseRow(project);
    await actAs(members.owner);
    const coverage = async () => (await listRequirements(getDb(), project.id, { pageSize: 0 })).rows[0]!.coverage;
    expect(await coverage()).toBe('uncovered');
    await expectOk(linkTestCase({ projectKey: project.key, testCaseId: testCase.id, targetType: 'requirement', targetId: requirement.id }));
    expect(await coverage()).toBe('covered');
    await getDb().execute(sql`update requirements set version = version + 1 where id = ${requirement.id}`);
    expect(await listTestCaseLinks(getDb(), project.id, testCase.id)).toEqual([expect.objectContaining({ suspect: true, directlySuspect: true })]);
  });
});
