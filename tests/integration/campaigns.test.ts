import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import * as actions from '@/app/(app)/projects/[projectKey]/campaigns/actions';
import { getDb } from '@/db/client';
import {
  campaignAnomalyCounts,
  campaignBurnUp,
  campaignItemStates,
  campaignRequirements,
  campaignStateCounts,
  findCampaign,
  listCampaigns,
  listTesters,
} from '@/db/queries/campaigns';
import { campaignItems, campaigns, testCases } from '@/db/schema';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { createAnomalyRow, createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { auditRowsSince, maxAuditId, snapshotTables } from '../setup/db-state';
import { loose } from '../setup/server-actions';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow, createTestLink } from '../setup/trace-items';

const createCampaign = loose(actions.createCampaign);
const updateCampaign = loose(actions.updateCampaign);
const startCampaign = loose(actions.startCampaign);
const closeCampaign = loose(actions.closeCampaign);
const addToScope = loose(actions.addToScope);
const removeFromScope = loose(actions.removeFromScope);
const assignItems = loose(actions.assignItems);
const setItemNotRun = loose(actions.setItemNotRun);
const clearItemNotRun = loose(actions.clearItemNotRun);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; message?: string; details?: unknown; fieldErrors?: Record<string, string[]> };

async function expectOk(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data!;
}

const WRITE_TABLES = ['campaigns', 'campaign_items', 'audit_events'];

function form(projectKey: string, overrides: Record<string, unknown> = {}) {
  return {
    projectKey,
    name: 'VABF lot 1',
    type: 'vabf',
    environment: 'Recette',
    build: '2.4.0-rc1',
    description: 'Première campagne.',
    plannedStart: '2026-03-02',
    plannedEnd: '2026-03-13',
    ...overrides,
  };
}

/** A project with six test cases wired to a requirement (directly and through a specification), tags and folders. */
async function scopedProject() {
  const { project, members } = await createProjectWithMembers();
  const requirement = await createRequirementRow(project, { title: 'Calcul de la paie' });
  const other = await createRequirementRow(project, { title: 'Autre exigence' });
  const spec = await createSpecificationRow(project);
  await createLink(project, requirement, spec);
  const direct = await createTestCaseRow(project, { title: 'Direct', folder: 'Paie', tags: ['paie'] });
  const viaSpec = await createTestCaseRow(project, { title: 'Par la spécification', folder: 'Paie/Bulletins', tags: ['paie', 'net'] });
  const tagged = await createTestCaseRow(project, { title: 'Étiqueté', folder: 'Sécurité', tags: ['net'] });
  const foldered = await createTestCaseRow(project, { title: 'Dossier', folder: 'Paie/Bulletins/Mars' });
  const unrelated = await createTestCaseRow(project, { title: 'Sans lien', folder: 'Paiement' });
  const otherReq = await createTestCaseRow(project, { title: 'Autre', folder: '' });
  await createTestLink(project, requirement, direct, { from: 'requirement' });
  await createTestLink(project, spec, viaSpec);
  await createTestLink(project, other, otherReq, { from: 'requirement' });
  await actAs(members.amoe);
  const created = await expectOk(createCampaign(form(project.key)));
  return { project, members, requirement, spec, cases: { direct, viaSpec, tagged, foldered, unrelated, otherReq }, campaignId: created.id as string };
}

async function itemTitles(projectId: string, campaignId: string) {
  return (await campaignItemStates(getDb(), projectId, campaignId)).rows.map((r) => r.title);
}

describe('campaigns', () => {
  test('created with a per-project number, audited; edited against its revision; a stale save is a conflict', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoe);
    const since = await maxAuditId();
    const first = await expectOk(createCampaign(form(project.key)));
    const second = await expectOk(createCampaign(form(project.key, { name: 'VSR', type: 'vsr', plannedStart: '', plannedEnd: '' })));
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(await findCampaign(getDb(), project.id, 2)).toMatchObject({ name: 'VSR', type: 'vsr', status: 'planned', plannedStart: null, revision: 1 });
    expect(await updateCampaign({ ...form(project.key, { build: '2.4.0' }), id: first.id, revision: 1 })).toEqual({
      ok: true,
      data: { revision: 2, changed: ['build'] },
    });
    const before = await snapshotTables(WRITE_TABLES);
    expect(await updateCampaign({ ...form(project.key, { name: 'Autre' }), id: first.id, revision: 1 })).toMatchObject({
      ok: false,
      code: 'conflict',
      details: { currentRevision: 2 },
    });
    // Saving unchanged moves nothing and writes no journal row.
    expect(await updateCampaign({ ...form(project.key, { build: '2.4.0' }), id: first.id, revision: 2 })).toEqual({ ok: true, data: { revision: 2, changed: [] } });
    expect(await snapshotTables(WRITE_TABLES)).toEqual(before);
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.action])).toEqual([
      ['campaign', 'create'],
      ['campaign', 'create'],
      ['campaign', 'update'],
    ]);
  });

  test('bad input is refused field by field, nothing written', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const before = await snapshotTables(WRITE_TABLES);
    expect(await createCampaign(form(project.key, { plannedEnd: '2026-03-01' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { plannedEnd: [expect.any(String)] } });
    expect(await createCampaign(form(project.key, { type: 'recette', name: '' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { type: [expect.any(String)], name: [expect.any(String)] } });
    expect(await createCampaign(form(project.key, { plannedStart: '2026-02-30' }))).toMatchObject({ ok: false, code: 'invalid' });
    expect(await snapshotTables(WRITE_TABLES)).toEqual(before);
  });

  test('viewer, moa and amoa cannot write campaigns; a non-member gets not found', async () => {
    const { project, members, campaignId, cases } = await scopedProject();
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'all' }));
    const [item] = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    const outsider = (await createProjectWithMembers()).members.owner;
    const calls = [
      () => createCampaign(form(project.key)),
      () => updateCampaign({ ...form(project.key), id: campaignId, revision: 1 }),
      () => startCampaign({ projectKey: project.key, id: campaignId, revision: 1 }),
      () => closeCampaign({ projectKey: project.key, id: campaignId, revision: 1 }),
      () => addToScope({ projectKey: project.key, campaignId, by: 'testCase', ref: `CT-${cases.direct.number}` }),
      () => removeFromScope({ projectKey: project.key, campaignId, itemIds: [item!.id] }),
      () => assignItems({ projectKey: project.key, campaignId, itemIds: [item!.id], assigneeId: members.amoa.id }),
      () => setItemNotRun({ projectKey: project.key, itemId: item!.id, revision: 1, reason: 'Pas le temps' }),
      () => clearItemNotRun({ projectKey: project.key, itemId: item!.id, revision: 1 }),
    ];
    const before = await snapshotTables(WRITE_TABLES);
    for (const [who, code] of [
      [members.viewer, 'forbidden'],
      [members.moa, 'forbidden'],
      [members.amoa, 'forbidden'],
      [outsider, 'not_found'],
    ] as const) {
      await actAs(who);
      for (const call of calls) expect(await call()).toMatchObject({ ok: false, code });
    }
    expect(await snapshotTables(WRITE_TABLES)).toEqual(before);
  });

  test('scope by requirement (directly and through its specifications), specification, tag, folder, one by one, all', async () => {
    const { project, campaignId, requirement, spec, cases } = await scopedProject();
    const add = (input: Record<string, unknown>) => addToScope({ projectKey: project.key, campaignId, ...input });
    expect(await expectOk(add({ by: 'requirement', ref: `EXF-${requirement.number}` }))).toEqual({ added: 2 });
    expect(await itemTitles(project.id, campaignId)).toEqual(['Direct', 'Par la spécification']);
    // Already in scope: skipped, nothing written.
    const before = await snapshotTables(WRITE_TABLES);
    expect(await expectOk(add({ by: 'specification', ref: `std-${spec.number}` }))).toEqual({ added: 0 });
    expect(await snapshotTables(WRITE_TABLES)).toEqual(before);
    expect(await expectOk(add({ by: 'tag', tag: 'NET' }))).toEqual({ added: 1 });
    expect(await expectOk(add({ by: 'folder', folder: ' Paie / Bulletins ' }))).toEqual({ added: 1 });
    expect(await itemTitles(project.id, campaignId)).toEqual(['Direct', 'Par la spécification', 'Étiqueté', 'Dossier']);
    expect(await expectOk(add({ by: 'testCase', ref: `CT-${cases.unrelated.number}` }))).toEqual({ added: 1 });
    expect(await expectOk(add({ by: 'all' }))).toEqual({ added: 1 });
    const rows = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    expect(rows.map((r) => [r.title, r.position, r.state, r.plannedVersion])).toEqual([
      ['Direct', 1, 'not_started', 1],
      ['Par la spécification', 2, 'not_started', 1],
      ['Étiqueté', 3, 'not_started', 1],
      ['Dossier', 4, 'not_started', 1],
      ['Sans lien', 5, 'not_started', 1],
      ['Autre', 6, 'not_started', 1],
    ]);
    // A reference of the wrong kind, or unknown, is a field error.
    expect(await add({ by: 'requirement', ref: `CT-${cases.direct.number}` })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { ref: [expect.any(String)] } });
    expect(await add({ by: 'testCase', ref: 'CT-9999' })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { ref: [expect.any(String)] } });
  });

  test('a test case of another project is never added, whatever the method', async () => {
    const { project, campaignId } = await scopedProject();
    const other = await createProjectWithMembers();
    const foreign = await createTestCaseRow(other.project, { tags: ['paie'], folder: 'Paie' });
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'all' }));
    expect((await campaignItemStates(getDb(), project.id, campaignId)).rows.map((r) => r.testCaseId)).not.toContain(foreign.id);
    expect(await addToScope({ projectKey: project.key, campaignId, by: 'testCase', ref: `CT-${foreign.number + 100}` })).toMatchObject({ ok: false });
  });

  test('each item keeps its planned version and shows when the test case changed since', async () => {
    const { project, campaignId, cases } = await scopedProject();
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'testCase', ref: `CT-${cases.direct.number}` }));
    await getDb().update(testCases).set({ version: 3 }).where(eq(testCases.id, cases.direct.id));
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'testCase', ref: `CT-${cases.viaSpec.number}` }));
    const rows = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    expect(rows.map((r) => [r.title, r.plannedVersion, r.currentVersion, r.changed])).toEqual([
      ['Direct', 1, 3, true],
      ['Par la spécification', 1, 1, false],
    ]);
  });

  test('item state from the latest execution, "non exécuté", and "à retester" through a linked anomaly', async () => {
    const { project, campaignId } = await scopedProject();
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'all' }));
    const rows = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    const byTitle = Object.fromEntries(rows.map((r) => [r.title, r]));
    const run = (title: string, status: 'passed' | 'failed' | 'blocked' | 'in_progress', minutesAgo: number) =>
      createExecutionRow(byTitle[title]!, { id: campaignId }, project, { id: byTitle[title]!.testCaseId }, { status, startedAt: new Date(Date.now() - minutesAgo * 60_000) });
    await run('Direct', 'failed', 30);
    await run('Direct', 'passed', 10);
    const failed = await run('Par la spécification', 'failed', 5);
    await run('Étiqueté', 'blocked', 5);
    await run('Dossier', 'in_progress', 5);
    await createAnomalyRow(project, { campaignId, status: 'to_retest', severity: 'blocking', executionIds: [failed.id] });
    await expectOk(setItemNotRun({ projectKey: project.key, itemId: byTitle['Sans lien']!.id, revision: 1, reason: ' Environnement indisponible ' }));
    const states = (await campaignItemStates(getDb(), project.id, campaignId)).rows.map((r) => [r.title, r.state, r.toRetest]);
    // "All" adds folder by folder: the test case with no folder comes first.
    expect(states).toEqual([
      ['Autre', 'not_started', false],
      ['Direct', 'passed', false],
      ['Par la spécification', 'failed', true],
      ['Dossier', 'in_progress', false],
      ['Sans lien', 'not_run', false],
      ['Étiqueté', 'blocked', false],
    ]);
    expect((await campaignItemStates(getDb(), project.id, campaignId, { state: 'failed' })).rows.map((r) => r.title)).toEqual(['Par la spécification']);
    // An item whose latest run has a result cannot be set "non exécuté".
    expect(await setItemNotRun({ projectKey: project.key, itemId: byTitle['Direct']!.id, revision: 1, reason: 'x' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await setItemNotRun({ projectKey: project.key, itemId: byTitle['Autre']!.id, revision: 1, reason: '   ' })).toMatchObject({ ok: false, code: 'invalid' });
    // Executed items stay in scope (their history is kept).
    expect(await removeFromScope({ projectKey: project.key, campaignId, itemIds: [byTitle['Direct']!.id] })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await expectOk(removeFromScope({ projectKey: project.key, campaignId, itemIds: [byTitle['Autre']!.id] }))).toEqual({ removed: 1 });
  });

  test('assignment goes to members allowed to execute; others are refused; the assignee filter finds them', async () => {
    const { project, members, campaignId } = await scopedProject();
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'all' }));
    const rows = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    expect((await listTesters(getDb(), project.id)).map((t) => t.id).sort()).toEqual([members.owner.id, members.amoe.id, members.amoa.id, members.moa.id].sort());
    expect(await expectOk(assignItems({ projectKey: project.key, campaignId, itemIds: rows.slice(0, 4).map((r) => r.id), assigneeId: members.moa.id }))).toEqual({ assigned: 4 });
    expect((await campaignItemStates(getDb(), project.id, campaignId, { assignee: members.moa.id })).total).toBe(4);
    expect((await campaignItemStates(getDb(), project.id, campaignId, { assignee: 'none' })).total).toBe(2);
    const before = await snapshotTables(WRITE_TABLES);
    expect(await assignItems({ projectKey: project.key, campaignId, itemIds: [rows[5]!.id], assigneeId: members.viewer.id })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { assigneeId: [expect.any(String)] },
    });
    const outsider = (await createProjectWithMembers()).members.amoe;
    expect(await assignItems({ projectKey: project.key, campaignId, itemIds: [rows[5]!.id], assigneeId: outsider.id })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await snapshotTables(WRITE_TABLES)).toEqual(before);
    // Unassigning with an empty assignee (the form's "nobody").
    expect(await expectOk(assignItems({ projectKey: project.key, campaignId, itemIds: rows[0]!.id, assigneeId: '' }))).toEqual({ assigned: 1 });
    // An item of another campaign in the list: nothing assigned at all.
    const otherCampaign = await createCampaignRow(project);
    const stray = await createItemRow(otherCampaign, project, { id: rows[0]!.testCaseId });
    expect(await assignItems({ projectKey: project.key, campaignId, itemIds: [rows[1]!.id, stray.id], assigneeId: members.amoe.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect((await campaignItemStates(getDb(), project.id, campaignId, { assignee: members.amoe.id })).total).toBe(0);
  });

  test('closing needs every item executed or "non exécuté"; then the campaign is read-only', async () => {
    const { project, campaignId, members } = await scopedProject();
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'requirement', ref: 'EXF-1' }));
    const [a, b] = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    expect(await expectOk(startCampaign({ projectKey: project.key, id: campaignId, revision: 1 }))).toEqual({ revision: 2, status: 'in_progress' });
    expect(await startCampaign({ projectKey: project.key, id: campaignId, revision: 2 })).toMatchObject({ ok: false, code: 'conflict' });
    await createExecutionRow(a!, { id: campaignId }, project, { id: a!.testCaseId }, { status: 'passed' });
    const inProgress = await createExecutionRow(b!, { id: campaignId }, project, { id: b!.testCaseId }, { status: 'in_progress' });
    const refused = (await closeCampaign({ projectKey: project.key, id: campaignId, revision: 2 })) as Result;
    expect(refused).toMatchObject({ ok: false, code: 'conflict', details: { total: 1 } });
    expect(refused.message).toMatch(/non exécuté|not run/);
    // Still running is not settled; "non exécuté" settles it even with that run open.
    expect(inProgress.id).toBeTruthy();
    await expectOk(setItemNotRun({ projectKey: project.key, itemId: b!.id, revision: 1, reason: 'Bloqué par l’environnement' }));
    expect(await expectOk(closeCampaign({ projectKey: project.key, id: campaignId, revision: 2 }))).toEqual({ revision: 3, status: 'closed' });
    expect(await findCampaign(getDb(), project.id, 1)).toMatchObject({ status: 'closed', closedByName: members.amoe.name });

    const before = await snapshotTables(WRITE_TABLES);
    const writes = [
      updateCampaign({ ...form(project.key, { name: 'Renommée' }), id: campaignId, revision: 3 }),
      startCampaign({ projectKey: project.key, id: campaignId, revision: 3 }),
      closeCampaign({ projectKey: project.key, id: campaignId, revision: 3 }),
      addToScope({ projectKey: project.key, campaignId, by: 'all' }),
      removeFromScope({ projectKey: project.key, campaignId, itemIds: [b!.id] }),
      assignItems({ projectKey: project.key, campaignId, itemIds: [a!.id], assigneeId: members.amoe.id }),
      setItemNotRun({ projectKey: project.key, itemId: a!.id, revision: 1, reason: 'x' }),
      clearItemNotRun({ projectKey: project.key, itemId: b!.id, revision: 2 }),
    ];
    for (const result of (await Promise.all(writes)) as Result[]) {
      expect(result).toMatchObject({ ok: false, code: 'conflict' });
      expect(result.message).toMatch(/clôturée|closed/);
    }
    expect(await snapshotTables(WRITE_TABLES)).toEqual(before);
  });

  test('two closes at once: exactly one wins, the other is a conflict', async () => {
    const { project, campaignId } = await scopedProject();
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'tag', tag: 'net' }));
    const items = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    for (const item of items) await getDb().update(campaignItems).set({ notRunReason: 'Hors lot' }).where(eq(campaignItems.id, item.id));
    const since = await maxAuditId();
    const results = (await Promise.all([
      closeCampaign({ projectKey: project.key, id: campaignId, revision: 1 }),
      closeCampaign({ projectKey: project.key, id: campaignId, revision: 1 }),
    ])) as Result[];
    expect(results.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['conflict', 'ok']);
    expect((await auditRowsSince(since)).map((r) => r.action)).toEqual(['close']);
    const [row] = await getDb().select({ revision: campaigns.revision, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
    expect(row).toEqual({ revision: 2, status: 'closed' });
  });

  test('stale item revision is a conflict; clearing "non exécuté" moves the revision', async () => {
    const { project, campaignId } = await scopedProject();
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'all' }));
    const [item] = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    expect(await expectOk(setItemNotRun({ projectKey: project.key, itemId: item!.id, revision: 1, reason: 'Reporté' }))).toEqual({ revision: 2 });
    expect(await setItemNotRun({ projectKey: project.key, itemId: item!.id, revision: 1, reason: 'Autre' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await expectOk(clearItemNotRun({ projectKey: project.key, itemId: item!.id, revision: 2 }))).toEqual({ revision: 3 });
    expect((await campaignItemStates(getDb(), project.id, campaignId)).rows[0]).toMatchObject({ notRunReason: null, state: 'not_started', revision: 3 });
  });

  test('dashboard: progress, burn-up per day, anomalies by severity and status, requirements verified; list counts', async () => {
    const { project, campaignId, requirement } = await scopedProject();
    await expectOk(addToScope({ projectKey: project.key, campaignId, by: 'all' }));
    const rows = (await campaignItemStates(getDb(), project.id, campaignId)).rows;
    const byTitle = Object.fromEntries(rows.map((r) => [r.title, r]));
    const day = (d: string) => new Date(`${d}T10:00:00+01:00`);
    const run = (title: string, status: 'passed' | 'failed' | 'blocked', at: Date) =>
      createExecutionRow(byTitle[title]!, { id: campaignId }, project, { id: byTitle[title]!.testCaseId }, { status, startedAt: at, finishedAt: at });
    await run('Direct', 'failed', day('2026-03-02'));
    await run('Direct', 'passed', day('2026-03-04'));
    await run('Par la spécification', 'passed', day('2026-03-03'));
    await run('Étiqueté', 'blocked', day('2026-03-03'));
    await getDb().update(campaignItems).set({ notRunReason: 'Hors lot' }).where(eq(campaignItems.id, byTitle['Sans lien']!.id));
    await createAnomalyRow(project, { campaignId, severity: 'blocking', status: 'new' });
    await createAnomalyRow(project, { campaignId, severity: 'blocking', status: 'new' });
    await createAnomalyRow(project, { campaignId, severity: 'minor', status: 'closed' });
    await createAnomalyRow(project, { severity: 'major' });

    const counts = Object.fromEntries((await campaignStateCounts(getDb(), campaignId)).map((c) => [c.state, c.count]));
    expect(counts).toEqual({ passed: 2, blocked: 1, not_run: 1, not_started: 2 });
    await getDb().update(campaigns).set({ closedAt: day('2026-03-05') }).where(eq(campaigns.id, campaignId));
    expect(await campaignBurnUp(getDb(), campaignId)).toEqual([
      { day: '2026-03-02', executed: 1, passed: 0 },
      { day: '2026-03-03', executed: 3, passed: 1 },
      { day: '2026-03-04', executed: 3, passed: 2 },
      { day: '2026-03-05', executed: 3, passed: 2 },
    ]);
    expect((await campaignAnomalyCounts(getDb(), campaignId)).sort((x, y) => x.severity.localeCompare(y.severity))).toEqual([
      { severity: 'blocking', status: 'new', count: 2 },
      { severity: 'minor', status: 'closed', count: 1 },
    ]);
    const reqs = await campaignRequirements(getDb(), project.id, campaignId);
    expect(reqs.map((r) => [r.number, r.passed, r.failed, r.not_started, r.total])).toEqual([
      [requirement.number, 2, 0, 0, 2],
      [requirement.number + 1, 0, 0, 1, 2],
    ]);
    const list = await listCampaigns(getDb(), project.id);
    expect(list.rows.map((r) => [r.number, r.items, r.passed, r.failed, r.blocked, r.notRun])).toEqual([[1, 6, 2, 0, 1, 1]]);
  });

  test('2,000 items: scope in one statement, pages of 100 with the total', async () => {
    const { project, members } = await createProjectWithMembers();
    const db = getDb();
    await db.insert(testCases).values(
      Array.from({ length: 2000 }, (_, i) => ({ projectId: project.id, number: i + 1, title: `Cas ${i + 1}`, type: 'functional' as const, folder: `Lot ${i % 7}` })),
    );
    await actAs(members.amoe);
    const { id } = await expectOk(createCampaign(form(project.key)));
    expect(await expectOk(addToScope({ projectKey: project.key, campaignId: id, by: 'all' }))).toEqual({ added: 2000 });
    const page = await campaignItemStates(db, project.id, id as string, { page: 20, pageSize: 100 });
    expect(page.total).toBe(2000);
    expect(page.rows).toHaveLength(100);
    expect(page.rows.at(-1)!.position).toBe(2000);
  });
});
