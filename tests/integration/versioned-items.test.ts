import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import * as specificationActions from '@/app/(app)/projects/[projectKey]/specifications/actions';
import { getDb } from '@/db/client';
import { listSuspectLinks } from '@/db/queries/trace-links';
import { listVersions } from '@/db/queries/versioned-items';
import { actAs, addMembership, createProjectWithMembers, createUser } from '../setup/actors';
import { countRows, queryRows, snapshotTables } from '../setup/db-state';
import { switchSession } from '../setup/request-state';
import { loose } from '../setup/server-actions';
import { createLink, createRequirementRow, createSpecificationRow, requirementById, specificationById } from '../setup/trace-items';

const updateRequirement = loose(requirementActions.updateRequirement);
const updateSpecification = loose(specificationActions.updateSpecification);
const changeSpecificationStatus = loose(specificationActions.changeSpecificationStatus);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; details?: unknown; fieldErrors?: Record<string, string[]> };

/** The requirement's fields as its edit form sends them back, with `changes` applied. */
async function requirementForm(projectKey: string, id: string, revision: number, changes: Record<string, unknown> = {}) {
  const row = (await requirementById(id))!;
  return {
    projectKey,
    id,
    revision,
    title: row.title,
    statement: row.statement,
    rationale: row.rationale,
    acceptanceCriteria: row.acceptanceCriteria,
    priority: row.priority,
    status: row.status,
    source: row.source,
    tags: row.tags.join(', '),
    parentId: row.parentId ?? '',
    ...changes,
  };
}

async function twoEditors(role: 'amoa' | 'amoe') {
  const { project, members } = await createProjectWithMembers();
  const second = await createUser({ name: 'Second éditeur' });
  await addMembership(project, second, role);
  return { project, first: await actAs(members[role]), second: await actAs(second) };
}

describe('lost update: every accepted change moves the revision', () => {
  test('requirement: a status change, then a content save from the revision before it → conflict; the status stays', async () => {
    const { project, first, second } = await twoEditors('amoa');
    const requirement = await createRequirementRow(project, { title: 'Paie', statement: 'Le 28.', status: 'draft' });
    // Both editors open the form at revision 1. The first one only validates the requirement.
    const formOfSecond = await requirementForm(project.key, requirement.id, requirement.revision, { statement: 'Le 30.' });
    switchSession(first);
    const validated = (await updateRequirement(await requirementForm(project.key, requirement.id, 1, { status: 'validated' }))) as Result;
    expect(validated).toMatchObject({ ok: true, data: { version: 1, revision: 2 } });

    switchSession(second);
    const before = await snapshotTables(['requirements', 'requirement_versions', 'audit_events']);
    const stale = (await updateRequirement(formOfSecond)) as Result;
    expect(stale).toMatchObject({ ok: false, code: 'conflict', details: { currentVersion: 1, currentRevision: 2 } });
    // What changed meanwhile is shown: the status the second editor's form would have put back.
    expect((stale.details as { changes: { field: string }[] }).changes.map((c) => c.field)).toEqual(['statement', 'status']);
    expect(await snapshotTables(['requirements', 'requirement_versions', 'audit_events'])).toEqual(before);
    expect(await requirementById(requirement.id)).toMatchObject({ status: 'validated', statement: 'Le 28.', version: 1, revision: 2 });
  });

  test('requirement: the status change keeps the content version, so it makes no link suspect', async () => {
    const { project, first } = await twoEditors('amoa');
    const requirement = await createRequirementRow(project);
    const specification = await createSpecificationRow(project);
    await createLink(project, requirement, specification);
    switchSession(first);
    expect(await updateRequirement(await requirementForm(project.key, requirement.id, 1, { status: 'validated' }))).toMatchObject({ ok: true });
    expect(await listSuspectLinks(getDb(), project.id)).toEqual([]);
  });

  test('specification: a workflow move, then a text save from the revision before it → conflict; the move stays', async () => {
    const { project, first, second } = await twoEditors('amoe');
    const specification = await createSpecificationRow(project, { title: 'Interface', body: 'SFTP.', status: 'in_review' });
    switchSession(first);
    expect(
      await changeSpecificationStatus({ projectKey: project.key, id: specification.id, revision: 1, status: 'approved' }),
    ).toMatchObject({ ok: true, data: { version: 1, revision: 2, status: 'approved' } });

    switchSession(second);
    const stale = (await updateSpecification({
      projectKey: project.key,
      id: specification.id,
      revision: 1,
      title: 'Interface',
      body: 'SFTP horaire.',
      category: 'architecture',
    })) as Result;
    expect(stale).toMatchObject({ ok: false, code: 'conflict', details: { currentVersion: 1, currentRevision: 2 } });
    expect(await specificationById(specification.id)).toMatchObject({ status: 'approved', body: 'SFTP.', version: 1, revision: 2 });
  });

  test('specification: two workflow moves from the same revision → the second is a conflict', async () => {
    const { project, first, second } = await twoEditors('amoe');
    const specification = await createSpecificationRow(project, { status: 'in_review' });
    switchSession(first);
    expect(await changeSpecificationStatus({ projectKey: project.key, id: specification.id, revision: 1, status: 'approved' })).toMatchObject({
      ok: true,
    });
    switchSession(second);
    expect(await changeSpecificationStatus({ projectKey: project.key, id: specification.id, revision: 1, status: 'draft' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await specificationById(specification.id)).toMatchObject({ status: 'approved' });
  });
});

describe('saving unchanged text submitted with browser line breaks', () => {
  const crlf = (text: string) => `${text.replace(/\n/g, '\r\n')}\r\n`;

  test('an approved specification saved unchanged with CRLF stays approved at version 1, with no new history row', async () => {
    const { project, first } = await twoEditors('amoe');
    const body = '# Interface paie\n\nFlux SFTP quotidien.\n\n| champ | type |\n|---|---|\n| matricule | texte |';
    const specification = await createSpecificationRow(project, { title: 'Interface paie', body, category: 'interface', status: 'approved' });
    switchSession(first);
    const before = await snapshotTables(['specifications', 'specification_versions', 'audit_events']);
    const saved = (await updateSpecification({
      projectKey: project.key,
      id: specification.id,
      revision: 1,
      title: 'Interface paie ',
      body: crlf(body),
      category: 'interface',
    })) as Result;
    expect(saved).toEqual({ ok: true, data: { version: 1, revision: 1, status: 'approved' } });
    expect(await snapshotTables(['specifications', 'specification_versions', 'audit_events'])).toEqual(before);
    expect((await listVersions(getDb(), 'specification', specification.id)).map((v) => v.version)).toEqual([1]);
  });

  test('a requirement saved unchanged with CRLF makes no version and leaves its links clean', async () => {
    const { project, first } = await twoEditors('amoa');
    const requirement = await createRequirementRow(project, {
      statement: 'Le bulletin est produit :\n\n- brut\n- net',
      acceptanceCriteria: 'Un bulletin par salarié.\nAucun écart.',
    });
    const specification = await createSpecificationRow(project, { status: 'approved' });
    await createLink(project, requirement, specification);
    switchSession(first);
    const form = await requirementForm(project.key, requirement.id, 1);
    const before = await snapshotTables(['requirements', 'requirement_versions', 'audit_events']);
    const saved = (await updateRequirement({
      ...form,
      statement: crlf(form.statement),
      acceptanceCriteria: crlf(form.acceptanceCriteria),
      rationale: '\r\n',
    })) as Result;
    expect(saved).toEqual({ ok: true, data: { version: 1, revision: 1, changed: [] } });
    expect(await snapshotTables(['requirements', 'requirement_versions', 'audit_events'])).toEqual(before);
    expect(await listSuspectLinks(getDb(), project.id)).toEqual([]);
  });

  test('a real change submitted with CRLF is stored with LF', async () => {
    const { project, first } = await twoEditors('amoa');
    const requirement = await createRequirementRow(project, { statement: 'Ligne 1' });
    switchSession(first);
    const form = await requirementForm(project.key, requirement.id, 1, { statement: 'Ligne 1\r\nLigne 2  \r\n' });
    expect(await updateRequirement(form)).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await requirementById(requirement.id)).toMatchObject({ statement: 'Ligne 1\nLigne 2' });
  });
});

describe('requirement tree: concurrent moves cannot make a cycle', () => {
  async function parentChainHasCycle(projectId: string): Promise<boolean> {
    const rows = await queryRows<{ cycles: number }>(sql`
      with recursive walk(start_id, id, parent_id, depth) as (
        select id, id, parent_id, 0 from requirements where project_id = ${projectId}
        union all
        select w.start_id, r.id, r.parent_id, w.depth + 1 from walk w join requirements r on r.id = w.parent_id
        where w.depth < 50
      )
      select count(*)::int as cycles from walk where depth > 0 and id = start_id`);
    return rows[0]!.cycles > 0;
  }

  test('A under B and B under A at the same time: one wins, the other is told why, no cycle', async () => {
    const { project, first, second } = await twoEditors('amoa');
    const a = await createRequirementRow(project, { title: 'Chapitre A' });
    const b = await createRequirementRow(project, { title: 'Chapitre B' });
    const moveA = await requirementForm(project.key, a.id, 1, { parentId: b.id });
    const moveB = await requirementForm(project.key, b.id, 1, { parentId: a.id });
    // Each call reads its session as it starts, so the two run concurrently as two different people.
    switchSession(first);
    const p1 = updateRequirement(moveA);
    switchSession(second);
    const p2 = updateRequirement(moveB);
    const results = (await Promise.all([p1, p2])) as Result[];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ code: 'invalid', fieldErrors: { parentId: [expect.stringMatching(/\S/)] } });
    expect(await parentChainHasCycle(project.id)).toBe(false);
    const parents = [(await requirementById(a.id))!.parentId, (await requirementById(b.id))!.parentId];
    expect(parents.filter(Boolean)).toHaveLength(1);
  });

  test('a cycle already in the data does not hang the check: the move is refused', async () => {
    const { project, first } = await twoEditors('amoa');
    const a = await createRequirementRow(project, { title: 'A' });
    const b = await createRequirementRow(project, { title: 'B', parentId: a.id });
    const c = await createRequirementRow(project, { title: 'C' });
    // Written straight to the table, as two racing moves could have before the lock existed.
    await getDb().execute(sql`update requirements set parent_id = ${b.id} where id = ${a.id}`);
    switchSession(first);
    const result = (await updateRequirement(await requirementForm(project.key, c.id, 1, { parentId: a.id }))) as Result;
    expect(result).toMatchObject({ ok: true });
    const intoLoop = (await updateRequirement(await requirementForm(project.key, a.id, 1, { parentId: c.id }))) as Result;
    expect(intoLoop).toMatchObject({ ok: false, code: 'invalid' });
    expect(await countRows('requirements', sql`project_id = ${project.id} and parent_id is not null`)).toBe(3);
  });
});
