import { sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import * as anomalyActions from '@/app/(app)/projects/[projectKey]/anomalies/actions';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { getDb } from '@/db/client';
import {
  anomalyCounts,
  findAnomaly,
  listAnomalies,
  listAnomalyEvents,
  listAnomalyExecutions,
  listAnomalySpecifications,
} from '@/db/queries/anomalies';
import { listAttachments } from '@/db/queries/attachments';
import { attachments } from '@/db/schema';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { createAnomalyRow, createCampaignRow, createFailedRunRow } from '../setup/recette-rows';
import { auditRowsSince, maxAuditId, snapshotTables } from '../setup/db-state';
import { loose } from '../setup/server-actions';
import { createSpecificationRow, createTestCaseRow, createTestLink } from '../setup/trace-items';

const raiseAnomaly = loose(anomalyActions.raiseAnomaly);
const updateAnomaly = loose(anomalyActions.updateAnomaly);
const moveAnomaly = loose(anomalyActions.moveAnomaly);
const commentAnomaly = loose(anomalyActions.commentAnomaly);
const assignAnomaly = loose(anomalyActions.assignAnomaly);
const linkAnomalySpecification = loose(anomalyActions.linkAnomalySpecification);
const unlinkAnomalySpecification = loose(anomalyActions.unlinkAnomalySpecification);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; fieldErrors?: Record<string, string[]> };

async function expectOk(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data!;
}

const TABLES = ['anomalies', 'anomaly_events', 'anomaly_executions', 'anomaly_specifications', 'audit_events', 'ref_counters'];

function form(projectKey: string, overrides: Record<string, unknown> = {}) {
  return {
    projectKey,
    title: 'Le net à payer est faux',
    stepsToReproduce: '1. Ouvrir le bulletin',
    expectedResult: '2 345,67 €',
    actualResult: '2 300,00 €',
    severity: 'major',
    priority: 'high',
    ...overrides,
  };
}

async function current(projectId: string, number: number) {
  return (await findAnomaly(getDb(), projectId, number))!;
}

describe('raising anomalies', () => {
  test('by hand: ANO-n per project, created event, audited; the viewer may not', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.moa);
    const since = await maxAuditId();
    expect(await expectOk(raiseAnomaly(form(project.key)))).toMatchObject({ ref: 'ANO-1', number: 1 });
    expect(await expectOk(raiseAnomaly(form(project.key, { severity: 'blocking', production: 'on' })))).toMatchObject({ ref: 'ANO-2' });
    const first = await current(project.id, 1);
    expect(first).toMatchObject({ status: 'new', severity: 'major', priority: 'high', production: false, revision: 1, createdBy: members.moa.id });
    expect((await current(project.id, 2)).production).toBe(true);
    expect((await listAnomalyEvents(getDb(), first.id)).map((e) => [e.kind, e.toStatus])).toEqual([['created', 'new']]);
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.action, r.actor_id])).toEqual([
      ['anomaly', 'create', members.moa.id],
      ['anomaly', 'create', members.moa.id],
    ]);

    await actAs(members.viewer);
    const before = await snapshotTables(TABLES);
    expect(await raiseAnomaly(form(project.key))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await snapshotTables(TABLES)).toEqual(before);
  });

  test('from a failed step: campaign, test case, environment and build from the execution, execution and specifications linked, evidence shown through the step', async () => {
    const { project, members } = await createProjectWithMembers();
    const campaign = await createCampaignRow(project, { status: 'in_progress', environment: 'Recette 2', build: '2.4.1' });
    const testCase = await createTestCaseRow(project, { title: 'Calcul du net' });
    const spec = await createSpecificationRow(project);
    const otherSpec = await createSpecificationRow(project);
    await createTestLink(project, spec, testCase);
    const execution = await createFailedRunRow(project, campaign, testCase);
    await getDb().insert(attachments).values([
      { projectId: project.id, executionId: execution.id, stepIndex: 1, storageKey: `k-${execution.id}-1`, fileName: 'net.png', contentType: 'image/png', byteSize: 10, sha256: 'a' },
      { projectId: project.id, executionId: execution.id, stepIndex: 0, storageKey: `k-${execution.id}-0`, fileName: 'autre.png', contentType: 'image/png', byteSize: 10, sha256: 'b' },
    ]);
    await actAs(members.amoa);
    await expectOk(raiseAnomaly(form(project.key, { executionId: execution.id, stepIndex: '1', specificationIds: otherSpec.id })));
    const anomaly = await current(project.id, 1);
    expect(anomaly).toMatchObject({
      campaignId: campaign.id,
      testCaseId: testCase.id,
      testCaseTitle: 'Calcul du net',
      environment: 'Recette 2',
      build: '2.4.1',
      executionId: execution.id,
      executionItemId: execution.campaignItemId,
      stepIndex: 1,
    });
    expect((await listAnomalyExecutions(getDb(), anomaly.id)).map((e) => e.executionId)).toEqual([execution.id]);
    expect((await listAnomalySpecifications(getDb(), anomaly.id)).map((s) => s.id).sort()).toEqual([spec.id, otherSpec.id].sort());
    expect((await listAttachments(getDb(), project.id, { executionIds: [execution.id], stepIndex: 1 })).map((a) => a.fileName)).toEqual(['net.png']);

    // Typed-in environment wins over the execution's; a different campaign or test case is refused.
    await expectOk(raiseAnomaly(form(project.key, { executionId: execution.id, stepIndex: 0, environment: 'Préprod' })));
    expect(await current(project.id, 2)).toMatchObject({ environment: 'Préprod', build: '2.4.1' });
    const otherCase = await createTestCaseRow(project);
    const before = await snapshotTables(TABLES);
    expect(await raiseAnomaly(form(project.key, { executionId: execution.id, stepIndex: 0, testCaseId: otherCase.id }))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { testCaseId: [expect.any(String)] },
    });
    expect(await raiseAnomaly(form(project.key, { executionId: execution.id, stepIndex: 2 }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { stepIndex: [expect.any(String)] } });
    expect(await raiseAnomaly(form(project.key, { executionId: execution.id }))).toMatchObject({ ok: false, code: 'invalid' });
    expect(await snapshotTables(TABLES)).toEqual(before);
  });

  test('another project’s execution, specification, campaign, test case or member: not found, nothing written', async () => {
    const { project, members } = await createProjectWithMembers();
    const other = await createProjectWithMembers();
    const campaign = await createCampaignRow(other.project, { status: 'in_progress' });
    const testCase = await createTestCaseRow(other.project);
    const execution = await createFailedRunRow(other.project, campaign, testCase);
    const spec = await createSpecificationRow(other.project);
    await actAs(members.owner);
    const before = await snapshotTables(TABLES);
    for (const extra of [
      { executionId: execution.id, stepIndex: 1 },
      { specificationIds: [spec.id] },
      { campaignId: campaign.id },
      { testCaseId: testCase.id },
      { assigneeId: other.members.amoe.id },
      { assigneeId: members.viewer.id },
    ]) {
      expect(await raiseAnomaly(form(project.key, extra)), JSON.stringify(extra)).toMatchObject({ ok: false, code: 'not_found' });
    }
    expect(await snapshotTables(TABLES)).toEqual(before);
    const anomaly = await createAnomalyRow(project);
    const mine = await createSpecificationRow(project);
    expect(await linkAnomalySpecification({ projectKey: project.key, id: anomaly.id, specificationId: spec.id })).toMatchObject({ code: 'not_found' });
    const foreignAnomaly = await createAnomalyRow(other.project);
    expect(await linkAnomalySpecification({ projectKey: project.key, id: foreignAnomaly.id, specificationId: mine.id })).toMatchObject({ code: 'not_found' });
    expect(await moveAnomaly({ projectKey: project.key, id: foreignAnomaly.id, revision: 1, to: 'analysis' })).toMatchObject({ code: 'not_found' });
    expect(await commentAnomaly({ projectKey: project.key, id: foreignAnomaly.id, body: 'Vu' })).toMatchObject({ code: 'not_found' });
  });
});

describe('the lifecycle through moveAnomaly', () => {
  test('the AMOE carries it to à retester, the MOA closes it; the MOA cannot hand over or fix; every move in the history', async () => {
    const { project, members } = await createProjectWithMembers();
    const anomaly = await createAnomalyRow(project);
    const move = (to: string, revision: number, reason = '') => moveAnomaly({ projectKey: project.key, id: anomaly.id, revision, to, reason });

    await actAs(members.moa);
    expect(await move('fixing', 1)).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.amoa);
    expect(await move('analysis', 1)).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.viewer);
    expect(await move('analysis', 1)).toMatchObject({ ok: false, code: 'forbidden' });

    await actAs(members.amoe);
    expect(await expectOk(move('analysis', 1))).toEqual({ revision: 2, status: 'analysis' });
    await expectOk(move('fixing', 2));
    // A move no role may make from here (fixing → closed) is a stale screen, not a matter of role.
    expect(await move('closed', 3)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await move('to_retest', 2)).toMatchObject({ ok: false, code: 'conflict' });
    await expectOk(move('to_retest', 3));

    await actAs(members.moa);
    expect(await move('reopened', 4)).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { reason: [expect.any(String)] } });
    expect((await current(project.id, anomaly.number)).status).toBe('to_retest');
    const since = await maxAuditId();
    await expectOk(move('closed', 4, 'Retesté sur 2.4.2'));
    expect((await auditRowsSince(since)).map((r) => [r.action, r.actor_id])).toEqual([['status', members.moa.id]]);
    const history = await listAnomalyEvents(getDb(), anomaly.id);
    expect(history.map((e) => [e.fromStatus, e.toStatus, e.body])).toEqual([
      ['new', 'analysis', ''],
      ['analysis', 'fixing', ''],
      ['fixing', 'to_retest', ''],
      ['to_retest', 'closed', 'Retesté sur 2.4.2'],
    ]);
  });
});

describe('editing, assigning, commenting, linking', () => {
  test('owner and AMOE edit everything; the reporter only the texts while new; a stale revision is a conflict', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.moa);
    const { id } = await expectOk(raiseAnomaly(form(project.key)));
    const edit = (revision: number, overrides: Record<string, unknown>) => updateAnomaly({ ...form(project.key, overrides), id, revision });

    // The reporter's severity change is not theirs to make: the texts are saved, the severity stays.
    expect(await expectOk(edit(1, { title: 'Net faux en mars', severity: 'blocking' }))).toEqual({ revision: 2, changed: ['title'] });
    expect(await current(project.id, 1)).toMatchObject({ title: 'Net faux en mars', severity: 'major' });
    await actAs(members.amoa);
    expect(await edit(2, { title: 'Autre' })).toMatchObject({ ok: false, code: 'forbidden' });

    await actAs(members.amoe);
    expect(await expectOk(edit(2, { title: 'Net faux en mars', severity: 'blocking', fixVersion: '2.4.2' }))).toEqual({
      revision: 3,
      changed: ['severity', 'fixVersion'],
    });
    expect(await edit(2, { title: 'Trop tard' })).toMatchObject({ ok: false, code: 'conflict' });
    // Unchanged: no event, no audit row, no new revision.
    const before = await snapshotTables(TABLES);
    expect(await expectOk(edit(3, { title: 'Net faux en mars', severity: 'blocking', fixVersion: '2.4.2' }))).toEqual({ revision: 3, changed: [] });
    expect(await snapshotTables(TABLES)).toEqual(before);

    await expectOk(moveAnomaly({ projectKey: project.key, id, revision: 3, to: 'analysis' }));
    await actAs(members.moa);
    expect(await edit(4, { title: 'Plus possible' })).toMatchObject({ ok: false, code: 'forbidden' });
    const history = await listAnomalyEvents(getDb(), id as string);
    expect(history.filter((e) => e.kind === 'updated').map((e) => e.body)).toEqual(['title', 'severity,fixVersion']);
  });

  test('assigning is the team’s, to a working member, with the revision', async () => {
    const { project, members } = await createProjectWithMembers();
    const anomaly = await createAnomalyRow(project);
    await actAs(members.moa);
    expect(await assignAnomaly({ projectKey: project.key, id: anomaly.id, revision: 1, assigneeId: members.amoe.id })).toMatchObject({ code: 'forbidden' });
    await actAs(members.amoe);
    expect(await expectOk(assignAnomaly({ projectKey: project.key, id: anomaly.id, revision: 1, assigneeId: members.amoe.id }))).toEqual({ revision: 2 });
    expect((await current(project.id, anomaly.number)).assigneeName).toBe(members.amoe.name);
    expect(await assignAnomaly({ projectKey: project.key, id: anomaly.id, revision: 1, assigneeId: '' })).toMatchObject({ code: 'conflict' });
    await expectOk(assignAnomaly({ projectKey: project.key, id: anomaly.id, revision: 2, assigneeId: '' }));
    expect((await current(project.id, anomaly.number)).assigneeId).toBeNull();
  });

  test('a Markdown comment is kept as typed, and rendered without any script', async () => {
    const { project, members } = await createProjectWithMembers();
    const anomaly = await createAnomalyRow(project);
    await actAs(members.viewer);
    const body = 'Voir **le log**\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))';
    await expectOk(commentAnomaly({ projectKey: project.key, id: anomaly.id, body }));
    expect(await commentAnomaly({ projectKey: project.key, id: anomaly.id, body: '   ' })).toMatchObject({ code: 'invalid' });
    const [event] = (await listAnomalyEvents(getDb(), anomaly.id)).filter((e) => e.kind === 'comment');
    expect(event!.body).toBe(body);
    const html = renderToStaticMarkup(createElement(MarkdownView, { source: event!.body }));
    expect(html).toContain('<strong>le log</strong>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });

  test('linking and unlinking a specification moves the revision; twice is a conflict, an absent link not found', async () => {
    const { project, members } = await createProjectWithMembers();
    const anomaly = await createAnomalyRow(project);
    const spec = await createSpecificationRow(project);
    const call = (fn: typeof linkAnomalySpecification) => fn({ projectKey: project.key, id: anomaly.id, specificationId: spec.id });
    await actAs(members.viewer);
    expect(await call(linkAnomalySpecification)).toMatchObject({ code: 'forbidden' });
    await actAs(members.moa);
    expect(await expectOk(call(linkAnomalySpecification))).toEqual({ revision: 2 });
    expect(await call(linkAnomalySpecification)).toMatchObject({ code: 'conflict' });
    expect(await expectOk(call(unlinkAnomalySpecification))).toEqual({ revision: 3 });
    expect(await call(unlinkAnomalySpecification)).toMatchObject({ code: 'not_found' });
    expect(await listAnomalySpecifications(getDb(), anomaly.id)).toEqual([]);
  });
});

describe('the list', () => {
  test('filters by severity, status, open, campaign, assignee and text; counts per severity and status in one go', async () => {
    const { project, members } = await createProjectWithMembers();
    const campaign = await createCampaignRow(project, { status: 'in_progress' });
    await actAs(members.owner);
    await expectOk(raiseAnomaly(form(project.key, { title: 'Bulletins illisibles', severity: 'blocking', campaignId: campaign.id, assigneeId: members.amoe.id })));
    await expectOk(raiseAnomaly(form(project.key, { title: 'Libellé tronqué', severity: 'minor', actualResult: 'La rubrique « prime » est coupée' })));
    const closed = await createAnomalyRow(project, { title: 'Ancienne', status: 'closed', severity: 'minor' });
    const refs = async (filters: Parameters<typeof listAnomalies>[2]) => (await listAnomalies(getDb(), project.id, filters)).rows.map((r) => r.number);
    expect(await refs({})).toEqual([3, 2, 1]);
    expect(await refs({ severity: 'minor' })).toEqual([3, 2]);
    expect(await refs({ status: 'open' })).toEqual([2, 1]);
    expect(await refs({ status: 'closed' })).toEqual([closed.number]);
    expect(await refs({ campaign: campaign.id })).toEqual([1]);
    expect(await refs({ assignee: members.amoe.id })).toEqual([1]);
    expect(await refs({ assignee: 'none' })).toEqual([3, 2]);
    expect(await refs({ q: 'illisible' })).toEqual([1]);
    expect(await refs({ q: 'bulletin' })).toEqual([2, 1]);
    expect(await refs({ q: 'prime' })).toEqual([2]);
    expect(await refs({ q: 'ano-2' })).toEqual([2]);
    const page = await listAnomalies(getDb(), project.id, { pageSize: 2, page: 2 });
    expect([page.total, page.rows.map((r) => r.number)]).toEqual([3, [1]]);
    expect(await anomalyCounts(getDb(), project.id)).toEqual({
      severity: { blocking: 1, minor: 2 },
      status: { new: 2, closed: 1 },
      total: 3,
      open: 2,
    });
  });

  test('2,000 anomalies: a page and the counts stay one statement each', async () => {
    const { project } = await createProjectWithMembers();
    await getDb().execute(sql`insert into anomalies (project_id, number, title, severity, status)
      select ${project.id}, n, 'Anomalie ' || n, (array['blocking','major','minor']::anomaly_severity[])[1 + n % 3],
             (array['new','analysis','closed']::anomaly_status[])[1 + n % 3]
      from generate_series(1, 2000) n`);
    const page = await listAnomalies(getDb(), project.id, { page: 40, pageSize: 50 });
    expect([page.total, page.rows.length, page.rows[0]!.number]).toEqual([2000, 50, 50]);
    const counts = await anomalyCounts(getDb(), project.id);
    expect([counts.total, counts.severity.major, counts.status.closed, counts.open]).toEqual([2000, 667, 667, 1333]);
  });
});
