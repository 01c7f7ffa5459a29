import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { describe, expect, test } from 'vitest';
import * as runnerActions from '@/app/(app)/projects/[projectKey]/campaigns/[number]/run/actions';
import * as testCaseActions from '@/app/(app)/projects/[projectKey]/test-cases/actions';
import { getDb } from '@/db/client';
import { findExecution, listItemExecutions, listRunnerItems, runnerPosition } from '@/db/queries/runner';
import { anomalies, anomalyEvents, anomalyExecutions, campaigns, executions, testCases } from '@/db/schema';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { auditRowsSince, maxAuditId, snapshotTables } from '../setup/db-state';
import { createAnomalyRow, createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { loose } from '../setup/server-actions';
import { createTestCaseRow } from '../setup/trace-items';

const startExecution = loose(runnerActions.startExecution);
const recordStep = loose(runnerActions.recordStep);
const recordMeasurements = loose(runnerActions.recordMeasurements);
const finishExecution = loose(runnerActions.finishExecution);
const confirmRetest = loose(runnerActions.confirmRetest);
const updateTestCase = loose(testCaseActions.updateTestCase);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; message?: string; fieldErrors?: Record<string, string[]> };

async function expectOk(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data!;
}

const steps = [
  { action: 'Ouvrir le bulletin', expected: 'Le bulletin s’affiche' },
  { action: 'Lire le net', expected: 'Le net vaut 2 345,67 €' },
];

async function setUp(options: { campaignStatus?: 'planned' | 'in_progress' | 'closed'; criteria?: boolean } = {}) {
  const { project, members } = await createProjectWithMembers();
  const testCase = await createTestCaseRow(project, { steps });
  if (options.criteria) {
    await getDb()
      .update(testCases)
      .set({ criteria: [{ metric: 'p95', unit: 'ms', threshold: 2000, direction: 'at_most' }] })
      .where(eq(testCases.id, testCase.id));
  }
  const campaign = await createCampaignRow(project, { status: options.campaignStatus ?? 'planned' });
  const item = await createItemRow(campaign, project, testCase, { assigneeId: members.amoa.id });
  return { project, members, testCase, campaign, item };
}

async function start(projectKey: string, campaignItemId: string) {
  return expectOk(startExecution({ projectKey, campaignItemId })) as Promise<{ id: string; revision: number }>;
}

describe('which item the runner opens, and the next one', () => {
  type Kind = 'waiting' | 'passed' | 'failed' | 'open' | 'notRun';
  /** A campaign whose items are, in its order, of these kinds and assignees; rows inserted last item first. */
  async function campaignOf(items: { kind: Kind; assignee?: 'amoa' | 'moa' }[]) {
    const { project, members } = await createProjectWithMembers();
    const campaign = await createCampaignRow(project, { status: 'in_progress' });
    const ids: string[] = [];
    for (let index = items.length - 1; index >= 0; index--) {
      const { kind, assignee } = items[index]!;
      const testCase = await createTestCaseRow(project, { steps });
      const item = await createItemRow(campaign, project, testCase, {
        position: (index + 1) * 10,
        assigneeId: assignee ? members[assignee].id : null,
        ...(kind === 'notRun' && { notRunReason: 'Hors périmètre' }),
      });
      if (kind === 'passed' || kind === 'failed') await createExecutionRow(item, campaign, project, testCase, { status: kind });
      if (kind === 'open') await createExecutionRow(item, campaign, project, testCase, { status: 'in_progress' });
      ids[index] = item.id;
    }
    const position = (askedId?: string) => runnerPosition(getDb(), project.id, campaign.id, { askedId, me: members.amoa.id });
    return { project, campaign, ids, position };
  }

  test('the first waiting item assigned to me, else the first waiting one, else the first; next: the following waiting one', async () => {
    const mine = await campaignOf([{ kind: 'waiting', assignee: 'moa' }, { kind: 'passed', assignee: 'amoa' }, { kind: 'waiting', assignee: 'amoa' }, { kind: 'waiting', assignee: 'amoa' }]);
    expect(await mine.position()).toMatchObject({ current: { id: mine.ids[2], rank: 3, lastExecutionId: null }, nextId: mine.ids[3], total: 4 });

    const anyone = await campaignOf([{ kind: 'passed', assignee: 'amoa' }, { kind: 'failed', assignee: 'moa' }, { kind: 'waiting', assignee: 'moa' }]);
    expect(await anyone.position()).toMatchObject({ current: { id: anyone.ids[2], rank: 3 }, nextId: null });

    const allRun = await campaignOf([{ kind: 'passed' }, { kind: 'failed' }]);
    const first = await allRun.position();
    expect(first).toMatchObject({ current: { id: allRun.ids[0], rank: 1 }, nextId: null, total: 2 });
    expect(first.current!.lastExecutionId).toEqual(expect.any(String));

    expect(await (await campaignOf([])).position()).toEqual({ current: null, nextId: null, total: 0 });
  });

  test('an open run still waits, a "non exécuté" item does not', async () => {
    const { ids, position } = await campaignOf([{ kind: 'notRun', assignee: 'amoa' }, { kind: 'open' }]);
    expect(await position()).toMatchObject({ current: { id: ids[1] }, nextId: null });
  });

  test('the item asked for when it is of the campaign; next wraps around, never to the current item', async () => {
    const { ids, position } = await campaignOf([{ kind: 'waiting' }, { kind: 'passed' }, { kind: 'waiting' }, { kind: 'passed' }]);
    expect(await position(ids[0])).toMatchObject({ current: { id: ids[0], rank: 1 }, nextId: ids[2] });
    expect(await position(ids[2])).toMatchObject({ current: { id: ids[2], rank: 3 }, nextId: ids[0] });
    expect(await position(ids[3])).toMatchObject({ current: { id: ids[3], rank: 4 }, nextId: ids[0] });
    const other = await campaignOf([{ kind: 'waiting' }]);
    expect(await position(other.ids[0])).toMatchObject({ current: { id: ids[0] } });
    expect(await other.position(other.ids[0])).toMatchObject({ current: { id: other.ids[0] }, nextId: null });
  });

  test('the list beside the runner is one page of the items in the campaign\'s order, with their state', async () => {
    const { project, campaign, ids } = await campaignOf([{ kind: 'waiting' }, { kind: 'passed' }, { kind: 'notRun' }]);
    const page = (n: number) => listRunnerItems(getDb(), project.id, campaign.id, { page: n, pageSize: 2 });
    expect(await page(1)).toMatchObject([
      { id: ids[0], lastStatus: null, notRun: false, toRetest: false },
      { id: ids[1], lastStatus: 'passed', notRun: false },
    ]);
    expect(await page(2)).toMatchObject([{ id: ids[2], lastStatus: null, notRun: true }]);
  });
});

describe('starting a run', () => {
  test('snapshots the current version, the campaign names and blank results; moves a planned campaign to en cours; audited', async () => {
    const { project, members, testCase, campaign, item } = await setUp();
    await actAs(members.moa);
    const since = await maxAuditId();
    const run = await start(project.key, item.id);
    const row = await findExecution(getDb(), project.id, run.id);
    expect(row).toMatchObject({
      steps,
      stepResults: [
        { status: null, actual: '' },
        { status: null, actual: '' },
      ],
      testCaseVersion: testCase.version,
      campaignName: 'Recette VABF lot 1',
      environment: 'Recette',
      build: '1.4.2',
      status: 'in_progress',
      executedBy: members.moa.id,
    });
    const [after] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(after).toMatchObject({ status: 'in_progress', revision: campaign.revision + 1 });
    expect(after!.startedAt).toBeInstanceOf(Date);
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.action])).toEqual([
      ['execution', 'start'],
      ['campaign', 'status'],
    ]);
    expect(revalidatePath).toHaveBeenCalled();
  });

  test('an item already being run is not started twice; the next run after a finished one is a new execution', async () => {
    const { project, members, item } = await setUp();
    await actAs(members.amoe);
    const run = await start(project.key, item.id);
    expect(await startExecution({ projectKey: project.key, campaignItemId: item.id })).toMatchObject({
      ok: false,
      code: 'conflict',
      details: { executionId: run.id },
    });
    await expectOk(finishExecution({ projectKey: project.key, executionId: run.id, status: 'blocked', overrideReason: 'Env. indisponible', revision: 1 }));
    const second = await start(project.key, item.id);
    expect(second.id).not.toBe(run.id);
    expect((await listItemExecutions(getDb(), project.id, item.id)).map((e) => e.id)).toEqual([second.id, run.id]);
  });

  test('a viewer is refused and nothing is written; a non-member gets not found', async () => {
    const { project, members, item } = await setUp();
    const other = await createProjectWithMembers();
    const before = await snapshotTables(['executions', 'campaigns', 'audit_events']);
    await actAs(members.viewer);
    expect(await startExecution({ projectKey: project.key, campaignItemId: item.id })).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(other.members.owner);
    expect(await startExecution({ projectKey: other.project.key, campaignItemId: item.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await snapshotTables(['executions', 'campaigns', 'audit_events'])).toEqual(before);
  });

  test('a closed campaign is refused', async () => {
    const { project, members, item } = await setUp({ campaignStatus: 'closed' });
    await actAs(members.owner);
    const before = await snapshotTables();
    expect(await startExecution({ projectKey: project.key, campaignItemId: item.id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await snapshotTables()).toEqual(before);
  });
});

describe('recording steps and the verdict', () => {
  test('the derived status follows the steps: failed beats everything, all answered passes', async () => {
    const { project, members, item } = await setUp();
    await actAs(members.amoa);
    const run = await start(project.key, item.id);
    const first = await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'passed', actual: 'Affiché', revision: 1 }));
    expect(first).toEqual({ revision: 2, derivedStatus: 'in_progress' });
    expect(await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 1, status: 'not_applicable', revision: 2 }))).toEqual({
      revision: 3,
      derivedStatus: 'passed',
    });
    expect(await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 1, status: 'failed', actual: '2 300 €', revision: 3 }))).toEqual({
      revision: 4,
      derivedStatus: 'failed',
    });
    // A status key pressed alone keeps the actual result typed before.
    await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'passed', revision: 4 }));
    const row = await findExecution(getDb(), project.id, run.id);
    expect(row!.stepResults).toEqual([
      { status: 'passed', actual: 'Affiché' },
      { status: 'failed', actual: '2 300 €' },
    ]);
    expect(await recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 2, status: 'passed', revision: 5 })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  test('finishing takes the derived status by default, sets the duration from the start and the comment', async () => {
    const { project, members, item } = await setUp();
    await actAs(members.amoa);
    const run = await start(project.key, item.id);
    await getDb().update(executions).set({ startedAt: new Date(Date.now() - 90_000) }).where(eq(executions.id, run.id));
    await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'passed', revision: 1 }));
    await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 1, status: 'passed', revision: 2 }));
    expect(await expectOk(finishExecution({ projectKey: project.key, executionId: run.id, comment: 'RAS', revision: 3 }))).toEqual({
      revision: 4,
      status: 'passed',
      retests: [],
    });
    const row = await findExecution(getDb(), project.id, run.id);
    expect(row).toMatchObject({ status: 'passed', derivedStatus: 'passed', overrideReason: null, comment: 'RAS' });
    expect(row!.durationMs).toBeGreaterThanOrEqual(90_000);
    expect(row!.durationMs).toBeLessThan(120_000);
    expect(row!.finishedAt!.getTime() - row!.startedAt.getTime()).toBe(row!.durationMs);
  });

  test('another status than the derived one needs a reason; unanswered steps cannot pass by default', async () => {
    const { project, members, item } = await setUp();
    await actAs(members.amoe);
    const run = await start(project.key, item.id);
    const unanswered = (await finishExecution({ projectKey: project.key, executionId: run.id, revision: 1 })) as Result;
    expect(unanswered).toMatchObject({ ok: false, code: 'invalid' });
    expect(unanswered.fieldErrors!.status![0]).toMatch(/sans réponse/);
    await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'failed', revision: 1 }));
    const noReason = (await finishExecution({ projectKey: project.key, executionId: run.id, status: 'passed', overrideReason: '  ', revision: 2 })) as Result;
    expect(noReason).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { overrideReason: ['Indiquez la raison.'] } });
    await expectOk(finishExecution({ projectKey: project.key, executionId: run.id, status: 'passed', overrideReason: 'Écart de libellé accepté par la MOA', revision: 2 }));
    const row = await findExecution(getDb(), project.id, run.id);
    expect(row).toMatchObject({ status: 'passed', derivedStatus: 'failed', overrideReason: 'Écart de libellé accepté par la MOA' });
  });

  test('performance measurements decide with their threshold', async () => {
    const { project, members, item } = await setUp({ criteria: true });
    await actAs(members.amoe);
    const run = await start(project.key, item.id);
    await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'passed', revision: 1 }));
    expect(await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 1, status: 'passed', revision: 2 }))).toMatchObject({
      derivedStatus: 'in_progress',
    });
    expect(await expectOk(recordMeasurements({ projectKey: project.key, executionId: run.id, measurements: [{ metric: 'p95', value: 2500 }], revision: 3 }))).toEqual({
      revision: 4,
      derivedStatus: 'failed',
    });
    expect(await expectOk(recordMeasurements({ projectKey: project.key, executionId: run.id, measurements: [{ metric: 'p95', value: 2000 }], revision: 4 }))).toEqual({
      revision: 5,
      derivedStatus: 'passed',
    });
    expect(await recordMeasurements({ projectKey: project.key, executionId: run.id, measurements: [{ metric: 'débit', value: 3 }], revision: 5 })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  test('a finished run and a closed campaign refuse every write, nothing changes', async () => {
    const { project, members, campaign, item } = await setUp();
    await actAs(members.amoe);
    const run = await start(project.key, item.id);
    await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'blocked', revision: 1 }));
    await expectOk(finishExecution({ projectKey: project.key, executionId: run.id, revision: 2 }));
    const finished = await snapshotTables(['executions', 'audit_events']);
    for (const call of [
      recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 1, status: 'passed', revision: 3 }),
      finishExecution({ projectKey: project.key, executionId: run.id, status: 'passed', overrideReason: 'x', revision: 3 }),
      recordMeasurements({ projectKey: project.key, executionId: run.id, measurements: [], revision: 3 }),
    ]) {
      expect(await call).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/terminée/) });
    }
    expect(await snapshotTables(['executions', 'audit_events'])).toEqual(finished);

    const open = await start(project.key, item.id);
    await getDb().update(campaigns).set({ status: 'closed' }).where(eq(campaigns.id, campaign.id));
    expect(await recordStep({ projectKey: project.key, executionId: open.id, stepIndex: 0, status: 'passed', revision: 1 })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/clôturée/),
    });
    expect(await finishExecution({ projectKey: project.key, executionId: open.id, status: 'blocked', overrideReason: 'x', revision: 1 })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  test('two parallel saves with the same revision: one wins, the other gets a conflict', async () => {
    const { project, members, item } = await setUp();
    await actAs(members.amoe);
    const run = await start(project.key, item.id);
    const results = (await Promise.all([
      recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'passed', revision: 1 }),
      recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 1, status: 'failed', revision: 1 }),
    ])) as Result[];
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'conflict' });
    const row = await findExecution(getDb(), project.id, run.id);
    expect(row!.revision).toBe(2);
    expect(row!.stepResults.filter((s) => s.status !== null)).toHaveLength(1);

    const finishes = (await Promise.all([
      finishExecution({ projectKey: project.key, executionId: run.id, status: 'blocked', overrideReason: 'Panne', revision: 2 }),
      recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 1, status: 'passed', revision: 2 }),
    ])) as Result[];
    expect(finishes.map((r) => r.ok).sort()).toEqual([false, true]);
    expect((await findExecution(getDb(), project.id, run.id))!.revision).toBe(3);
  });

  test('editing the test case afterwards does not change its runs', async () => {
    const { project, members, testCase, item } = await setUp();
    await actAs(members.amoe);
    const run = await start(project.key, item.id);
    await expectOk(
      updateTestCase({
        projectKey: project.key,
        id: testCase.id,
        revision: testCase.revision,
        title: 'Titre changé',
        objective: 'Nouvel objectif',
        type: 'functional',
        steps: JSON.stringify([{ action: 'Autre action', expected: 'Autre résultat' }]),
      }),
    );
    const row = await findExecution(getDb(), project.id, run.id);
    expect(row).toMatchObject({ steps, testCaseVersion: 1, title: testCase.title, objective: '' });
    expect(row!.stepResults).toHaveLength(2);
    // The next run takes the new version.
    await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'passed', revision: 1 }));
    await expectOk(finishExecution({ projectKey: project.key, executionId: run.id, status: 'passed', overrideReason: 'Pas 2 supprimé', revision: 2 }));
    const next = await start(project.key, item.id);
    expect(await findExecution(getDb(), project.id, next.id)).toMatchObject({ testCaseVersion: 2, title: 'Titre changé', steps: [{ action: 'Autre action' }] });
  });
});

describe('the retest loop', () => {
  async function retestSetUp() {
    const world = await setUp({ campaignStatus: 'in_progress' });
    const failed = await createExecutionRow(world.item, world.campaign, world.project, world.testCase, { status: 'failed', startedAt: new Date(Date.now() - 3_600_000) });
    const anomaly = await createAnomalyRow(world.project, { status: 'to_retest', executionIds: [failed.id] });
    const fixing = await createAnomalyRow(world.project, { status: 'fixing', executionIds: [failed.id] });
    return { ...world, failed, anomaly, fixing };
  }

  async function runAll(projectKey: string, itemId: string, status: 'passed' | 'failed') {
    const run = await start(projectKey, itemId);
    await expectOk(recordStep({ projectKey, executionId: run.id, stepIndex: 0, status, revision: 1 }));
    await expectOk(recordStep({ projectKey, executionId: run.id, stepIndex: 1, status: 'passed', revision: 2 }));
    const finished = await expectOk(finishExecution({ projectKey, executionId: run.id, revision: 3 }));
    return { run, finished };
  }

  test('the item shows "à retester"; a passed retest proposes closing, confirmed through the transition, run linked', async () => {
    const { project, members, campaign, item, anomaly } = await retestSetUp();
    expect((await listRunnerItems(getDb(), project.id, campaign.id, { page: 1, pageSize: 50 }))[0]).toMatchObject({ id: item.id, lastStatus: 'failed', toRetest: true });
    await actAs(members.moa);
    const { run, finished } = await runAll(project.key, item.id, 'passed');
    expect(finished.retests).toEqual([{ anomalyId: anomaly.id, ref: `ANO-${anomaly.number}`, title: `Anomalie ${anomaly.number}`, proposal: 'close' }]);
    // Nothing moved before the tester confirms.
    expect((await getDb().select().from(anomalies).where(eq(anomalies.id, anomaly.id)))[0]!.status).toBe('to_retest');
    const since = await maxAuditId();
    expect(await confirmRetest({ projectKey: project.key, anomalyId: anomaly.id, executionId: run.id, outcome: 'reopen', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await expectOk(confirmRetest({ projectKey: project.key, anomalyId: anomaly.id, executionId: run.id, outcome: 'close' }))).toEqual({
      status: 'closed',
      revision: anomaly.revision + 1,
    });
    const events = await getDb().select().from(anomalyEvents).where(eq(anomalyEvents.anomalyId, anomaly.id));
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([['to_retest', 'closed', members.moa.id]]);
    const links = await getDb().select().from(anomalyExecutions).where(eq(anomalyExecutions.anomalyId, anomaly.id));
    expect(links.map((l) => l.executionId).sort()).toContain(run.id);
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.action])).toEqual([['anomaly', 'status']]);
    expect((await listRunnerItems(getDb(), project.id, campaign.id, { page: 1, pageSize: 50 }))[0]).toMatchObject({ lastStatus: 'passed', toRetest: false });
    // Confirming twice is a stale screen.
    expect(await confirmRetest({ projectKey: project.key, anomalyId: anomaly.id, executionId: run.id, outcome: 'close' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  test('a failed retest proposes reopening, which needs the reason', async () => {
    const { project, members, item, anomaly, fixing } = await retestSetUp();
    await actAs(members.amoa);
    const { run, finished } = await runAll(project.key, item.id, 'failed');
    expect(finished.retests).toEqual([expect.objectContaining({ anomalyId: anomaly.id, proposal: 'reopen' })]);
    expect(await confirmRetest({ projectKey: project.key, anomalyId: anomaly.id, executionId: run.id, outcome: 'reopen' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    await expectOk(confirmRetest({ projectKey: project.key, anomalyId: anomaly.id, executionId: run.id, outcome: 'reopen', reason: 'Le net est toujours faux' }));
    const [row] = await getDb().select().from(anomalies).where(eq(anomalies.id, anomaly.id));
    expect(row!.status).toBe('reopened');
    // An anomaly not awaiting retest is never proposed nor moved.
    expect(await confirmRetest({ projectKey: project.key, anomalyId: fixing.id, executionId: run.id, outcome: 'reopen', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  test('a blocked retest proposes nothing; an unfinished run cannot confirm; a viewer cannot confirm', async () => {
    const { project, members, item, anomaly } = await retestSetUp();
    await actAs(members.amoe);
    const run = await start(project.key, item.id);
    expect(await confirmRetest({ projectKey: project.key, anomalyId: anomaly.id, executionId: run.id, outcome: 'close' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    await expectOk(recordStep({ projectKey: project.key, executionId: run.id, stepIndex: 0, status: 'blocked', revision: 1 }));
    expect(await expectOk(finishExecution({ projectKey: project.key, executionId: run.id, revision: 2 }))).toMatchObject({ status: 'blocked', retests: [] });
    await actAs(members.viewer);
    expect(await confirmRetest({ projectKey: project.key, anomalyId: anomaly.id, executionId: run.id, outcome: 'close' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});
