import { eq, sql } from 'drizzle-orm';
import { describe, expect, test, vi } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import * as specificationActions from '@/app/(app)/projects/[projectKey]/specifications/actions';
import { getDb } from '@/db/client';
import { findRequirement } from '@/db/queries/requirements';
import { findSpecification } from '@/db/queries/specifications';
import { listVersions } from '@/db/queries/versioned-items';
import { requirements } from '@/db/schema';
import type { FieldDiff } from '@/lib/versioning/diff';
import { actAs, createProjectWithMembers, createUser, addMembership } from '../setup/actors';
import { auditRowsSince, countRows, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import { switchSession } from '../setup/request-state';
import { loose } from '../setup/server-actions';
import { createRequirementRow, createSpecificationRow, requirementById, specificationById } from '../setup/trace-items';

const createRequirement = loose(requirementActions.createRequirement);
const updateRequirement = loose(requirementActions.updateRequirement);
const createSpecification = loose(specificationActions.createSpecification);
const updateSpecification = loose(specificationActions.updateSpecification);
const changeSpecificationStatus = loose(specificationActions.changeSpecificationStatus);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; message?: string; details?: unknown };

async function expectOk(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data!;
}

/** The full content of a requirement as the form sends it; `overrides` change some fields. */
function requirementInput(projectKey: string, overrides: Record<string, unknown> = {}) {
  return {
    projectKey,
    title: 'Calcul de la paie',
    statement: 'Le salaire est versé le 28 du mois.',
    rationale: 'Convention collective.',
    acceptanceCriteria: 'Un bulletin est produit pour chaque salarié.',
    priority: 'must',
    status: 'draft',
    source: 'CCTP §3.2',
    tags: 'paie, rh',
    parentId: '',
    ...overrides,
  };
}

async function requirementHistory(id: string) {
  return queryRows<{ version: number; snapshot: Record<string, unknown>; changed_by: string }>(
    sql`select version, snapshot, changed_by from requirement_versions where requirement_id = ${id} order by version`,
  );
}

async function specificationHistory(id: string) {
  return queryRows<{ version: number; snapshot: Record<string, unknown>; changed_by: string }>(
    sql`select version, snapshot, changed_by from specification_versions where specification_id = ${id} order by version`,
  );
}

describe('references EXF-n / STD-n', () => {
  test('sequential per project and per kind, independent across projects', async () => {
    const a = await createProjectWithMembers();
    const b = await createProjectWithMembers();
    await actAs(a.members.owner);
    const refsA: unknown[] = [];
    for (let i = 0; i < 3; i += 1) refsA.push((await expectOk(createRequirement(requirementInput(a.project.key)))).ref);
    const specA = await expectOk(createSpecification({ projectKey: a.project.key, title: 'Architecture', category: 'architecture' }));
    expect(refsA).toEqual(['EXF-1', 'EXF-2', 'EXF-3']);
    expect(specA).toMatchObject({ ref: 'STD-1', number: 1 });

    await actAs(b.members.amoa);
    expect(await expectOk(createRequirement(requirementInput(b.project.key)))).toMatchObject({ ref: 'EXF-1', number: 1 });
    await actAs(b.members.amoe);
    expect(await expectOk(createSpecification({ projectKey: b.project.key, title: 'Interface', category: 'interface' }))).toMatchObject({
      ref: 'STD-1',
    });
    await actAs(a.members.amoe);
    expect(await expectOk(createSpecification({ projectKey: a.project.key, title: 'Données', category: 'data' }))).toMatchObject({
      ref: 'STD-2',
    });

    const found = await findRequirement(getDb(), a.project.id, 3);
    expect(found).toMatchObject({ number: 3, title: 'Calcul de la paie', tags: ['paie', 'rh'], version: 1 });
    expect(await findRequirement(getDb(), b.project.id, 3)).toBeNull();
  });

  test('a number is never reused, even after the item with the highest number is gone', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    await expectOk(createRequirement(requirementInput(project.key)));
    const second = await expectOk(createRequirement(requirementInput(project.key)));
    // No delete action exists yet: remove the row the way a future one (or an admin) would.
    await getDb().delete(requirements).where(eq(requirements.id, second.id as string));
    expect(await expectOk(createRequirement(requirementInput(project.key)))).toMatchObject({ ref: 'EXF-3' });
  });

  test('concurrent creations get distinct, gapless numbers', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createRequirement(requirementInput(project.key, { title: `Exigence parallèle ${i}` }))),
    );
    const numbers = results.map((r) => {
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      return (r as Result).data!.number as number;
    });
    expect([...numbers].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const specs = await Promise.all(
      Array.from({ length: 5 }, (_, i) => createSpecification({ projectKey: project.key, title: `Spec ${i}`, category: 'data' })),
    );
    expect(specs.map((r) => (r as Result).data!.number as number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
    expect(await countRows('requirements', sql`project_id = ${project.id}`)).toBe(8);
  });
});

describe('requirement versions', () => {
  test('each content change adds a version and records its full state; the history holds every version', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    const created = await expectOk(createRequirement(requirementInput(project.key)));
    const id = created.id as string;
    const edits: Record<string, unknown>[] = [
      { title: 'Calcul de la paie mensuelle' },
      { statement: 'Le salaire net est versé le 30 du mois.', tags: 'paie, rh, calendrier' },
      { priority: 'should', acceptanceCriteria: 'Un bulletin PDF par salarié.', source: 'CCTP §3.3', rationale: 'Accord 2026.' },
    ];
    let state = requirementInput(project.key);
    for (const [i, edit] of edits.entries()) {
      state = { ...state, ...edit };
      const saved = await expectOk(updateRequirement({ ...state, id, revision: i + 1 }));
      expect(saved.version).toBe(i + 2);
      expect((saved.changed as string[]).sort()).toEqual(Object.keys(edit).sort());
    }
    const history = await requirementHistory(id);
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4]);
    expect(history.every((h) => h.changed_by === members.amoa.id)).toBe(true);
    expect(history[0]!.snapshot).toEqual({
      title: 'Calcul de la paie',
      statement: 'Le salaire est versé le 28 du mois.',
      rationale: 'Convention collective.',
      acceptanceCriteria: 'Un bulletin est produit pour chaque salarié.',
      priority: 'must',
      status: 'draft',
      source: 'CCTP §3.2',
      tags: ['paie', 'rh'],
      parentId: null,
    });
    expect(history[1]!.snapshot).toMatchObject({ title: 'Calcul de la paie mensuelle', statement: 'Le salaire est versé le 28 du mois.' });
    expect(history[2]!.snapshot).toMatchObject({ statement: 'Le salaire net est versé le 30 du mois.', tags: ['paie', 'rh', 'calendrier'] });
    expect(history[3]!.snapshot).toEqual({
      title: 'Calcul de la paie mensuelle',
      statement: 'Le salaire net est versé le 30 du mois.',
      rationale: 'Accord 2026.',
      acceptanceCriteria: 'Un bulletin PDF par salarié.',
      priority: 'should',
      status: 'draft',
      source: 'CCTP §3.3',
      tags: ['paie', 'rh', 'calendrier'],
      parentId: null,
    });
    // The row holds the last version; the query behind the history page lists newest first.
    expect(await findRequirement(getDb(), project.id, created.number as number)).toMatchObject({ ...history[3]!.snapshot, version: 4 });
    expect((await listVersions(getDb(), 'requirement', id)).map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });

  test('each save writes one audit row naming the person, with the state before and after', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const { id } = await expectOk(createRequirement(requirementInput(project.key)));
    const since = await maxAuditId();
    await expectOk(updateRequirement({ ...requirementInput(project.key, { title: 'Nouveau titre' }), id, revision: 1 }));
    const rows = await queryRows<{ actor_id: string; entity: string; action: string; before: Record<string, unknown>; after: Record<string, unknown> }>(
      sql`select actor_id, entity, action, before, after from audit_events where id > ${since} order by id`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_id: members.owner.id,
      entity: 'requirement',
      action: 'update',
      before: { ref: 'EXF-1', version: 1, title: 'Calcul de la paie' },
      after: { version: 2, title: 'Nouveau titre' },
    });
  });

  test('a status-only change keeps the version and adds no history row, but is saved, audited and moves the revision', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    const { id } = await expectOk(createRequirement(requirementInput(project.key)));
    const since = await maxAuditId();
    const saved = await expectOk(updateRequirement({ ...requirementInput(project.key, { status: 'validated' }), id, revision: 1 }));
    expect(saved).toEqual({ version: 1, revision: 2, changed: ['status'] });
    expect(await requirementById(id as string)).toMatchObject({ status: 'validated', version: 1, revision: 2 });
    expect((await requirementHistory(id as string)).map((h) => h.version)).toEqual([1]);
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.action])).toEqual([['requirement', 'update']]);
  });

  test('saving the form unchanged is a success that writes nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    const { id } = await expectOk(createRequirement(requirementInput(project.key)));
    const before = await snapshotTables(['requirements', 'requirement_versions']);
    const result = await updateRequirement({ ...requirementInput(project.key), id, revision: 1 });
    expect(result).toEqual({ ok: true, data: { version: 1, revision: 1, changed: [] } });
    expect(await snapshotTables(['requirements', 'requirement_versions'])).toEqual(before);
  });

  test('a parent must be a requirement of the project and never the item itself or one of its descendants', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    const chapter = await expectOk(createRequirement(requirementInput(project.key, { title: 'Chapitre paie' })));
    const child = await expectOk(createRequirement(requirementInput(project.key, { parentId: chapter.id })));
    const grandchild = await expectOk(createRequirement(requirementInput(project.key, { parentId: child.id })));
    expect(await requirementById(grandchild.id as string)).toMatchObject({ parentId: child.id });

    const before = await snapshotTables(['requirements', 'requirement_versions']);
    for (const parentId of [chapter.id, grandchild.id]) {
      const cycle = await updateRequirement({ ...requirementInput(project.key, { title: 'Chapitre paie', parentId }), id: chapter.id, revision: 1 });
      expect(cycle).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { parentId: [expect.any(String)] } });
    }
    const unknown = await createRequirement(requirementInput(project.key, { parentId: '6f1c7a52-4d2b-4c3e-9a0b-0d5e7f8a9b10' }));
    expect(unknown).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { parentId: [expect.any(String)] } });
    expect(await snapshotTables(['requirements', 'requirement_versions'])).toEqual(before);

    // Moving a chapter under an unrelated requirement is fine.
    const other = await expectOk(createRequirement(requirementInput(project.key, { title: 'Autre chapitre' })));
    await expectOk(updateRequirement({ ...requirementInput(project.key, { title: 'Chapitre paie', parentId: other.id }), id: chapter.id, revision: 1 }));
  });

  test('form data is coerced like the browser sends it (tags as one field, empty parent, revision as text)', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    const form = new FormData();
    for (const [key, value] of Object.entries(requirementInput(project.key, { tags: ' Paie ,RH,paie ' }))) form.set(key, String(value));
    const created = await expectOk(createRequirement(form));
    expect(await requirementById(created.id as string)).toMatchObject({ tags: ['paie', 'rh'], parentId: null });
    form.set('id', created.id as string);
    form.set('revision', '1');
    form.set('title', 'Titre depuis le formulaire');
    expect(await expectOk(updateRequirement(form))).toMatchObject({ version: 2 });
  });
});

describe('specification versions and workflow', () => {
  async function setup() {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoe);
    const created = await expectOk(
      createSpecification({ projectKey: project.key, title: 'Architecture cible', body: '# Vue\n\nTrois couches.', category: 'architecture' }),
    );
    return { project, members, id: created.id as string, number: created.number as number };
  }
  const move = (projectKey: string, id: string, revision: number, status: string) =>
    changeSpecificationStatus({ projectKey, id, revision, status });

  test('created in draft at version 1 with its history row', async () => {
    const { project, id, number } = await setup();
    expect(await findSpecification(getDb(), project.id, number)).toMatchObject({ status: 'draft', version: 1, body: '# Vue\n\nTrois couches.' });
    expect((await specificationHistory(id)).map((h) => [h.version, h.snapshot])).toEqual([
      [1, { title: 'Architecture cible', body: '# Vue\n\nTrois couches.', category: 'architecture', status: 'draft' }],
    ]);
  });

  test('the workflow brouillon → en revue → approuvée → remplacée, keeping the version, moving the revision; other moves refused', async () => {
    const { project, id } = await setup();
    const refusedFromDraft = ['approved', 'superseded', 'draft'];
    for (const status of refusedFromDraft) {
      const before = await snapshotTables(['specifications', 'audit_events']);
      expect(await move(project.key, id, 1, status)).toMatchObject({ ok: false, code: 'conflict' });
      expect(await snapshotTables(['specifications', 'audit_events'])).toEqual(before);
    }
    expect(await expectOk(move(project.key, id, 1, 'in_review'))).toEqual({ version: 1, revision: 2, status: 'in_review' });
    expect(await expectOk(move(project.key, id, 2, 'draft'))).toEqual({ version: 1, revision: 3, status: 'draft' });
    await expectOk(move(project.key, id, 3, 'in_review'));
    expect(await move(project.key, id, 4, 'superseded')).toMatchObject({ ok: false, code: 'conflict' });
    expect(await expectOk(move(project.key, id, 4, 'approved'))).toEqual({ version: 1, revision: 5, status: 'approved' });
    expect(await move(project.key, id, 5, 'draft')).toMatchObject({ ok: false, code: 'conflict' });
    expect(await move(project.key, id, 5, 'in_review')).toMatchObject({ ok: false, code: 'conflict' });
    expect(await expectOk(move(project.key, id, 5, 'superseded'))).toEqual({ version: 1, revision: 6, status: 'superseded' });
    for (const status of ['draft', 'in_review', 'approved']) {
      expect(await move(project.key, id, 6, status)).toMatchObject({ ok: false, code: 'conflict' });
    }
    expect(await specificationById(id)).toMatchObject({ status: 'superseded', version: 1, revision: 6 });
    expect((await specificationHistory(id)).map((h) => h.version)).toEqual([1]);
    expect(
      await countRows('audit_events', sql`entity = 'specification' and entity_id = ${id} and action = 'change_status'`),
    ).toBe(5);
  });

  test('a status change against a stale version is a conflict', async () => {
    const { project, id } = await setup();
    await expectOk(updateSpecification({ projectKey: project.key, id, revision: 1, title: 'Architecture cible v2', body: 'x', category: 'architecture' }));
    expect(await move(project.key, id, 1, 'in_review')).toMatchObject({ ok: false, code: 'conflict', details: { currentVersion: 2, currentRevision: 2 } });
    expect(await specificationById(id)).toMatchObject({ status: 'draft' });
  });

  test('editing an approved specification makes a new version back in draft; the approved text stays in the history', async () => {
    const { project, id } = await setup();
    await expectOk(move(project.key, id, 1, 'in_review'));
    await expectOk(move(project.key, id, 2, 'approved'));
    const saved = await expectOk(
      updateSpecification({ projectKey: project.key, id, revision: 3, title: 'Architecture cible', body: '# Vue\n\nQuatre couches.', category: 'architecture' }),
    );
    expect(saved).toEqual({ version: 2, revision: 4, status: 'draft' });
    expect(await specificationById(id)).toMatchObject({ version: 2, status: 'draft', body: '# Vue\n\nQuatre couches.' });
    const history = await specificationHistory(id);
    expect(history.map((h) => [h.version, h.snapshot.body, h.snapshot.status])).toEqual([
      [1, '# Vue\n\nTrois couches.', 'draft'],
      [2, '# Vue\n\nQuatre couches.', 'draft'],
    ]);
    expect((await listVersions(getDb(), 'specification', id)).map((v) => v.version)).toEqual([2, 1]);
  });

  test('editing a specification in review keeps it in review, with a new version', async () => {
    const { project, id } = await setup();
    await expectOk(move(project.key, id, 1, 'in_review'));
    expect(
      await expectOk(updateSpecification({ projectKey: project.key, id, revision: 2, title: 'Architecture', body: 'b', category: 'security' })),
    ).toEqual({ version: 2, revision: 3, status: 'in_review' });
    expect((await specificationHistory(id)).at(-1)!.snapshot).toEqual({ title: 'Architecture', body: 'b', category: 'security', status: 'in_review' });
  });

  test('a superseded specification is frozen: the edit is refused and nothing changes', async () => {
    const { project, id } = await setup();
    await expectOk(move(project.key, id, 1, 'in_review'));
    await expectOk(move(project.key, id, 2, 'approved'));
    await expectOk(move(project.key, id, 3, 'superseded'));
    const before = await snapshotTables();
    const result = await updateSpecification({ projectKey: project.key, id, revision: 4, title: 'Changement', body: 'x', category: 'data' });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
    expect((result as Result).message).toMatch(/remplacée/);
    expect(await snapshotTables()).toEqual(before);
  });

  test('several edits: versions 1..n all present, each snapshot as saved', async () => {
    const { project, id } = await setup();
    const bodies = ['Deux', 'Trois', 'Quatre', 'Cinq'];
    for (const [i, body] of bodies.entries()) {
      await expectOk(updateSpecification({ projectKey: project.key, id, revision: i + 1, title: 'Architecture cible', body, category: 'architecture' }));
    }
    const history = await specificationHistory(id);
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5]);
    expect(history.slice(1).map((h) => h.snapshot.body)).toEqual(bodies);
  });

  test('saving a specification unchanged is a success that writes nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { project, id } = await setup();
    const result = await updateSpecification({ projectKey: project.key, id, revision: 1, title: 'Architecture cible', body: '# Vue\n\nTrois couches.', category: 'architecture' });
    expect(result).toEqual({ ok: true, data: { version: 1, revision: 1, status: 'draft' } });
  });
});

describe('optimistic concurrency: two people edit the same item', () => {
  test('requirement: the second save against the version both loaded is refused with what changed; nothing is lost', async () => {
    const { project, members } = await createProjectWithMembers();
    const alice = members.amoa;
    const bob = await createUser({ name: 'Bob AMOA' });
    await addMembership(project, bob, 'amoa');
    const aliceSession = await actAs(alice);
    const bobSession = await actAs(bob);

    switchSession(aliceSession);
    const created = await expectOk(createRequirement(requirementInput(project.key)));
    const id = created.id as string;
    // Both open the edit form: the same version.
    const loadedByAlice = await findRequirement(getDb(), project.id, created.number as number);
    switchSession(bobSession);
    const loadedByBob = await findRequirement(getDb(), project.id, created.number as number);
    expect(loadedByAlice!.version).toBe(1);
    expect(loadedByBob!.version).toBe(1);

    switchSession(aliceSession);
    expect(
      await expectOk(updateRequirement({ ...requirementInput(project.key, { title: 'Calcul de la paie des cadres' }), id, revision: loadedByAlice!.revision })),
    ).toMatchObject({ version: 2 });

    switchSession(bobSession);
    const since = await maxAuditId();
    const before = await snapshotTables();
    const stale = (await updateRequirement({
      ...requirementInput(project.key, { statement: 'Le salaire est versé le 5 du mois suivant.' }),
      id,
      revision: loadedByBob!.revision,
    })) as Result;
    expect(stale).toMatchObject({ ok: false, code: 'conflict', details: { currentVersion: 2 } });
    expect(stale.message).not.toBe('');
    const changes = (stale.details as { changes: FieldDiff[] }).changes;
    const title = changes.find((c) => c.field === 'title');
    expect(title, JSON.stringify(changes)).toBeDefined();
    expect(title!.parts.filter((p) => p.added).map((p) => p.value).join('')).toContain('cadres');
    expect(changes.every((c) => c.changed)).toBe(true);

    // The database still holds Alice's save, untouched by Bob's.
    expect(await snapshotTables()).toEqual(before);
    expect(await auditRowsSince(since)).toEqual([]);
    expect(await requirementById(id)).toMatchObject({
      version: 2,
      title: 'Calcul de la paie des cadres',
      statement: 'Le salaire est versé le 28 du mois.',
      updatedBy: alice.id,
    });
    expect((await requirementHistory(id)).map((h) => [h.version, h.changed_by])).toEqual([
      [1, alice.id],
      [2, alice.id],
    ]);

    // Bob reloads (version 2) and saves again: his change lands on top of Alice's.
    expect(
      await expectOk(
        updateRequirement({
          ...requirementInput(project.key, { title: 'Calcul de la paie des cadres', statement: 'Le salaire est versé le 5 du mois suivant.' }),
          id,
          revision: 2,
        }),
      ),
    ).toMatchObject({ version: 3 });
    expect(await requirementById(id)).toMatchObject({ title: 'Calcul de la paie des cadres', statement: 'Le salaire est versé le 5 du mois suivant.' });
  });

  test('requirement: two saves racing against the same version — exactly one wins', async () => {
    const { project, members } = await createProjectWithMembers();
    const requirement = await createRequirementRow(project, { title: 'Course' });
    const first = await actAs(members.owner);
    const second = await actAs(members.amoa);
    const base = { ...requirementInput(project.key), id: requirement.id, revision: 1 };
    // Each call reads its session as it starts, so the two run concurrently as two different people.
    switchSession(first);
    const p1 = updateRequirement({ ...base, title: 'Version du propriétaire' });
    switchSession(second);
    const p2 = updateRequirement({ ...base, title: "Version de l'AMOA" });
    const results = (await Promise.all([p1, p2])) as Result[];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'conflict', details: expect.objectContaining({ currentVersion: 2 }) })]);
    const winner = results[0]!.ok ? 'Version du propriétaire' : "Version de l'AMOA";
    expect(await requirementById(requirement.id)).toMatchObject({ version: 2, title: winner });
    expect((await requirementHistory(requirement.id)).map((h) => h.version)).toEqual([1, 2]);
  });

  test('specification: the second save is refused with what changed; the first save stays', async () => {
    const { project, members } = await createProjectWithMembers();
    const ownerSession = await actAs(members.owner);
    const amoeSession = await actAs(members.amoe);
    const created = await expectOk(
      createSpecification({ projectKey: project.key, title: 'Interface paie', body: 'Flux SFTP quotidien.', category: 'interface' }),
    );
    const id = created.id as string;
    const loaded = await findSpecification(getDb(), project.id, created.number as number);

    switchSession(ownerSession);
    expect(
      await expectOk(updateSpecification({ projectKey: project.key, id, revision: loaded!.revision, title: 'Interface paie', body: 'Flux SFTP horaire.', category: 'interface' })),
    ).toEqual({ version: 2, revision: 2, status: 'draft' });

    switchSession(amoeSession);
    const before = await snapshotTables();
    const stale = (await updateSpecification({
      projectKey: project.key,
      id,
      revision: loaded!.revision,
      title: 'Interface paie (API)',
      body: 'Flux SFTP quotidien.',
      category: 'interface',
    })) as Result;
    expect(stale).toMatchObject({ ok: false, code: 'conflict', details: { currentVersion: 2 } });
    const body = (stale.details as { changes: FieldDiff[] }).changes.find((c) => c.field === 'body');
    expect(body!.parts.filter((p) => p.added).map((p) => p.value).join('')).toContain('horaire');
    expect(body!.parts.filter((p) => p.removed).map((p) => p.value).join('')).toContain('quotidien');
    expect(await snapshotTables()).toEqual(before);
    expect(await specificationById(id)).toMatchObject({ version: 2, title: 'Interface paie', body: 'Flux SFTP horaire.', updatedBy: members.owner.id });
  });

  test('specification: two saves racing — exactly one wins', async () => {
    const { project, members } = await createProjectWithMembers();
    const spec = await createSpecificationRow(project, { title: 'Course' });
    const first = await actAs(members.owner);
    const second = await actAs(members.amoe);
    const base = { projectKey: project.key, id: spec.id, revision: 1, category: 'data' };
    switchSession(first);
    const p1 = updateSpecification({ ...base, title: 'A', body: 'du propriétaire' });
    switchSession(second);
    const p2 = updateSpecification({ ...base, title: 'B', body: "de l'AMOE" });
    const results = (await Promise.all([p1, p2])) as Result[];
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'conflict' });
    const row = await specificationById(spec.id);
    expect(row!.version).toBe(2);
    expect((await specificationHistory(spec.id)).map((h) => h.version)).toEqual([1, 2]);
    expect((await specificationHistory(spec.id))[1]!.snapshot.title).toBe(row!.title);
  });
});

describe('cross-project isolation of requirements and specifications', () => {
  test('ids of another project are not found through this project, and nothing changes', async () => {
    const here = await createProjectWithMembers();
    const there = await createProjectWithMembers();
    const foreignRequirement = await createRequirementRow(there.project, { title: 'Ailleurs' });
    const foreignSpecification = await createSpecificationRow(there.project, { title: 'Ailleurs', status: 'in_review' });
    await actAs(here.members.owner);
    const before = await snapshotTables();
    const attempts = [
      updateRequirement({ ...requirementInput(here.project.key), id: foreignRequirement.id, revision: 1 }),
      updateSpecification({ projectKey: here.project.key, id: foreignSpecification.id, revision: 1, title: 'X', body: '', category: 'data' }),
      changeSpecificationStatus({ projectKey: here.project.key, id: foreignSpecification.id, revision: 1, status: 'approved' }),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toMatchObject({ ok: false, code: 'not_found' });
    // A parent from another project is unknown here.
    expect(await createRequirement(requirementInput(here.project.key, { parentId: foreignRequirement.id }))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await snapshotTables()).toEqual(before);
    expect(await getDb().select().from(requirements).where(eq(requirements.id, foreignRequirement.id))).toEqual([
      expect.objectContaining({ title: 'Ailleurs', version: 1 }),
    ]);
  });
});
