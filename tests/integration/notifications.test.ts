import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import * as anomalyActions from '@/app/(app)/projects/[projectKey]/anomalies/actions';
import * as approvals from '@/app/(app)/projects/[projectKey]/approvals/actions';
import * as notificationActions from '@/app/(app)/notifications/actions';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import { getDb } from '@/db/client';
import { approvalSubject, findApprovalRequest } from '@/db/queries/approvals';
import { bellCounts, listNotifications } from '@/db/queries/notifications';
import { signable } from '@/db/queries/signatures';
import { emailOutbox, executions, notifications, projectMembers, specifications, testCases } from '@/db/schema';
import { TEST_PASSWORD, actAs, createProjectWithMembers, createUser } from '../setup/actors';
import { createAnomalyRow, createCampaignRow, createFailedRunRow } from '../setup/recette-rows';
import { loose } from '../setup/server-actions';
import { createApprovalRequestRow, createBaselineRow } from '../setup/signoff-rows';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow, createTestLink } from '../setup/trace-items';

/** The bell's unread figure does not depend on the day. */
const TODAY = '2026-05-01';
const requestApproval = loose(approvals.requestBaselineApproval);
const decide = loose(approvals.decideApproval);
const comment = loose(approvals.commentOnApproval);
const setRaci = loose(approvals.setRaci);
const assignAnomaly = loose(anomalyActions.assignAnomaly);
const moveAnomaly = loose(anomalyActions.moveAnomaly);
const updateRequirement = loose(requirementActions.updateRequirement);
const markRead = loose(notificationActions.markNotificationRead);
const markAllRead = loose(notificationActions.markAllNotificationsRead);

let project: Awaited<ReturnType<typeof createProjectWithMembers>>['project'];
let members: Awaited<ReturnType<typeof createProjectWithMembers>>['members'];

beforeEach(async () => {
  ({ project, members } = await createProjectWithMembers());
});

/** Who got a notice of this kind in the project, by member role name. */
async function notified(kind: string) {
  const rows = await getDb()
    .select({ userId: notifications.userId, params: notifications.params, path: notifications.path })
    .from(notifications)
    .where(sql`${notifications.projectId} = ${project.id} and ${notifications.kind} = ${kind}`);
  const names = Object.fromEntries(Object.entries(members).map(([role, user]) => [user.id, role]));
  return { who: rows.map((r) => names[r.userId] ?? r.userId).sort(), rows };
}

/** The RACI of the baseline: amoe asks, moa approves, amoa is consulted, viewer informed. */
async function baselineRaci() {
  await actAs(members.owner);
  expect(
    await setRaci({
      projectKey: project.key,
      deliverable: 'baseline',
      revision: 0,
      assignments: [
        { userId: members.amoe.id, raciRole: 'responsible' },
        { userId: members.moa.id, raciRole: 'approver' },
        { userId: members.amoa.id, raciRole: 'consulted' },
        { userId: members.viewer.id, raciRole: 'informed' },
      ],
    }),
  ).toMatchObject({ ok: true });
}

async function pendingRequest() {
  const spec = await createSpecificationRow(project, { status: 'approved' });
  const baseline = await createBaselineRow(project, [spec.id], { name: 'Lot paie' });
  const created = await createApprovalRequestRow(project, baseline, { requestedBy: members.amoe.id });
  const request = (await findApprovalRequest(getDb(), project.id, { id: created.id }))!;
  return { request, seen: signable(await approvalSubject(getDb(), project.id, request)) };
}

describe('approval notices', () => {
  test('a request reaches the approvers, consulted and informed; the Responsable who asked and outsiders get nothing', async () => {
    await baselineRaci();
    const outsider = await createUser({ name: 'Hors projet' });
    const spec = await createSpecificationRow(project);
    const baseline = await createBaselineRow(project, [spec.id], { name: 'Lot paie' });
    await actAs(members.amoe);
    expect(await requestApproval({ projectKey: project.key, baselineId: baseline.id, message: 'Merci' })).toMatchObject({ ok: true, data: { number: 1 } });
    const { who, rows } = await notified('approval_requested');
    expect(who).toEqual(['amoa', 'moa', 'viewer']);
    expect(rows[0]).toMatchObject({ path: 'approvals/1', params: { ref: '#1', subject: `LDB-${baseline.number} Lot paie` } });
    expect((await bellCounts(getDb(), outsider.id, TODAY)).unread).toBe(0);
    expect((await bellCounts(getDb(), members.amoe.id, TODAY)).unread).toBe(0);
    expect((await bellCounts(getDb(), members.moa.id, TODAY)).unread).toBe(1);
    // Embedded default: no SMTP_URL, so nothing is queued for e-mail.
    expect(await getDb().select().from(emailOutbox)).toEqual([]);
  });

  test('a decision reaches who asked and the informed; a reservation its owner; a comment who asked and the approvers', async () => {
    await baselineRaci();
    const { request, seen } = await pendingRequest();
    await actAs(members.amoa);
    expect(await comment({ projectKey: project.key, requestId: request.id, body: 'Le §3 me gêne' })).toMatchObject({ ok: true });
    expect((await notified('approval_comment')).who).toEqual(['amoe', 'moa']);

    await actAs(members.moa);
    const anomaly = await createAnomalyRow(project);
    const decided = await decide({
      projectKey: project.key,
      requestId: request.id,
      decision: 'approved_with_reservations',
      reason: 'Deux points à corriger',
      password: TEST_PASSWORD,
      shownVersion: seen.version,
      shownHash: seen.hash,
      reservations: [{ text: 'Corriger le net', ownerId: members.amoa.id, dueDate: '2026-12-31', anomalyIds: [anomaly.id] }],
    });
    expect(decided).toMatchObject({ ok: true, data: { status: 'approved_with_reservations' } });
    const decision = await notified('approval_decided');
    expect(decision.who).toEqual(['amoe', 'viewer']);
    expect(decision.rows[0]!.params).toMatchObject({ status: 'approved_with_reservations' });
    const reservation = await notified('reservation_raised');
    expect(reservation.who).toEqual(['amoa', 'amoe']);
    expect(reservation.rows[0]!.params).toMatchObject({ subject: 'Corriger le net', due: '2026-12-31' });
  });
});

describe('anomaly notices', () => {
  test('the new assignee hears of it; a move to "à retester" reaches the tester of the failed execution', async () => {
    const campaign = await createCampaignRow(project);
    const testCase = await createTestCaseRow(project);
    const run = await createFailedRunRow(project, campaign, testCase);
    await getDb().update(executions).set({ executedBy: members.amoa.id }).where(eq(executions.id, run.id));
    const anomaly = await createAnomalyRow(project, { status: 'fixing', executionIds: [run.id], title: 'Net faux' });

    await actAs(members.amoe);
    expect(await assignAnomaly({ projectKey: project.key, id: anomaly.id, revision: anomaly.revision, assigneeId: members.owner.id })).toMatchObject({ ok: true });
    const assigned = await notified('anomaly_assigned');
    expect(assigned.who).toEqual(['owner']);
    expect(assigned.rows[0]).toMatchObject({ path: `anomalies/ANO-${anomaly.number}`, params: { subject: 'Net faux' } });

    expect(await moveAnomaly({ projectKey: project.key, id: anomaly.id, revision: anomaly.revision + 1, to: 'to_retest' })).toMatchObject({ ok: true });
    expect((await notified('anomaly_to_retest')).who).toEqual(['amoa']);
  });
});

describe('requirement change notices', () => {
  test('a new version reaches the authors of the linked specifications and test cases, not of unlinked ones', async () => {
    const requirement = await createRequirementRow(project, { title: 'Verser le salaire' });
    const spec = await createSpecificationRow(project);
    const testCase = await createTestCaseRow(project);
    const unlinked = await createSpecificationRow(project);
    await createLink(project, requirement, spec);
    await createTestLink(project, requirement, testCase, { from: 'requirement' });
    await getDb().update(specifications).set({ createdBy: members.amoe.id, updatedBy: members.owner.id }).where(eq(specifications.id, spec.id));
    await getDb().update(testCases).set({ createdBy: members.amoe.id }).where(eq(testCases.id, testCase.id));
    await getDb().update(specifications).set({ createdBy: members.viewer.id }).where(eq(specifications.id, unlinked.id));

    await actAs(members.amoa);
    const saved = await updateRequirement({
      projectKey: project.key,
      id: requirement.id,
      revision: 1,
      title: 'Verser le salaire le 28',
      statement: '',
      rationale: '',
      acceptanceCriteria: '',
      priority: 'must',
      status: 'draft',
      source: '',
      tags: '',
      parentId: '',
    });
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    const { who, rows } = await notified('requirement_changed');
    expect(who).toEqual(['amoe', 'owner']);
    expect(rows[0]).toMatchObject({ path: `requirements/EXF-${requirement.number}`, params: { version: 2 } });
  });
});

describe('the feed', () => {
  async function oneNoticeEach() {
    await baselineRaci();
    const spec = await createSpecificationRow(project);
    const baseline = await createBaselineRow(project, [spec.id]);
    await actAs(members.amoe);
    expect(await requestApproval({ projectKey: project.key, baselineId: baseline.id, message: '' })).toMatchObject({ ok: true });
    const [mine] = await getDb().select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, members.moa.id));
    const [theirs] = await getDb().select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, members.viewer.id));
    return { mine: mine!, theirs: theirs! };
  }

  test('a person marks only their own notices read; another person’s is not found', async () => {
    const { mine, theirs } = await oneNoticeEach();
    await actAs(members.moa);
    expect(await markRead({ projectKey: project.key, notificationId: theirs.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect((await bellCounts(getDb(), members.viewer.id, TODAY)).unread).toBe(1);
    expect(await markRead({ projectKey: project.key, notificationId: mine.id })).toMatchObject({ ok: true });
    expect((await bellCounts(getDb(), members.moa.id, TODAY)).unread).toBe(0);
    expect(await markAllRead({})).toMatchObject({ ok: true, data: { count: 0 } });
    expect((await bellCounts(getDb(), members.viewer.id, TODAY)).unread).toBe(1);
    await actAs(members.viewer);
    expect(await markAllRead({})).toMatchObject({ ok: true, data: { count: 1 } });
    expect((await bellCounts(getDb(), members.viewer.id, TODAY)).unread).toBe(0);
  });

  test('a person who left the project sees nothing of its notices and cannot mark them', async () => {
    const { mine } = await oneNoticeEach();
    expect((await listNotifications(getDb(), members.moa.id, { page: 1, pageSize: 10 })).rows).toMatchObject([{ projectKey: project.key }]);
    await getDb().delete(projectMembers).where(sql`${projectMembers.projectId} = ${project.id} and ${projectMembers.userId} = ${members.moa.id}`);
    expect(await listNotifications(getDb(), members.moa.id, { page: 1, pageSize: 10 })).toEqual({ rows: [], hasMore: false });
    expect((await bellCounts(getDb(), members.moa.id, TODAY)).unread).toBe(0);
    await actAs(members.moa);
    expect(await markRead({ projectKey: project.key, notificationId: mine.id })).toMatchObject({ ok: false, code: 'not_found' });
  });
});
