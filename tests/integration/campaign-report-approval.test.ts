import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeEach, describe, expect, test } from 'vitest';
import * as approvals from '@/app/(app)/projects/[projectKey]/approvals/actions';
import { GET as downloadPv } from '@/app/api/projects/[projectKey]/approvals/[id]/pv/route';
import { getDb } from '@/db/client';
import { approvalSubject, findApprovalRequest, listReservations } from '@/db/queries/approvals';
import { listSignatures, signable } from '@/db/queries/signatures';
import { anomalies, approvalRequests, campaigns, notifications, signatures } from '@/db/schema';
import { TEST_PASSWORD, actAs, createProjectWithMembers } from '../setup/actors';
import { queryRows } from '../setup/db-state';
import { createAnomalyRow, createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { loose } from '../setup/server-actions';
import { createApprovalRequestRow, createBaselineRow } from '../setup/signoff-rows';
import { createTestCaseRow } from '../setup/trace-items';

const requestReport = loose(approvals.requestCampaignReportApproval);
const decide = loose(approvals.decideApproval);
const setRaci = loose(approvals.setRaci);
const comment = loose(approvals.commentOnApproval);

type Result = { ok: boolean; code?: string; message?: string; data?: Record<string, unknown> };

let project: Awaited<ReturnType<typeof createProjectWithMembers>>['project'];
let members: Awaited<ReturnType<typeof createProjectWithMembers>>['members'];

beforeEach(async () => {
  ({ project, members } = await createProjectWithMembers());
});

/** A closed campaign of three test cases (passed, failed, not run) and two anomalies raised in it. */
async function closedCampaign(status: 'closed' | 'in_progress' = 'closed') {
  const campaign = await createCampaignRow(project, { status, name: 'VABF lot paie', environment: 'Recette', build: '2.4.0-rc1' });
  const passing = await createTestCaseRow(project, { title: 'Calcul du brut' });
  const failing = await createTestCaseRow(project, { title: 'Calcul du net' });
  const skipped = await createTestCaseRow(project, { title: 'Archivage' });
  const one = await createItemRow(campaign, project, passing, { position: 1 });
  const two = await createItemRow(campaign, project, failing, { position: 2 });
  await createItemRow(campaign, project, skipped, { position: 3, notRunReason: 'Hors périmètre du lot' });
  await createExecutionRow(one, campaign, project, passing, { status: 'passed', executedBy: members.amoa.id });
  const failed = await createExecutionRow(two, campaign, project, failing, { status: 'failed', executedBy: members.amoa.id });
  const blocking = await createAnomalyRow(project, { title: 'Net négatif', severity: 'blocking', status: 'fixing', campaignId: campaign.id, executionIds: [failed.id] });
  const minor = await createAnomalyRow(project, { title: 'Libellé tronqué', severity: 'minor', status: 'closed', campaignId: campaign.id });
  return { campaign, passing, failing, skipped, blocking, minor };
}

async function pdfText(response: Response): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** The PV of the project's request `number` (a random id when there is none). */
async function pv(number: number, query = '') {
  const request = await findApprovalRequest(getDb(), project.id, { number });
  const id = request?.id ?? randomUUID();
  return downloadPv(new Request(`http://localhost/api/projects/${project.key}/approvals/${id}/pv${query}`), { params: Promise.resolve({ projectKey: project.key, id }) });
}

describe('requesting the approval of a campaign report', () => {
  test('a Responsable asks for a closed campaign: the report is frozen with the request, approvers and consulted are notified', async () => {
    const { campaign, passing, failing, skipped, blocking, minor } = await closedCampaign();
    await actAs(members.owner);
    await setRaci({ projectKey: project.key, deliverable: 'campaign_report', revision: 0, assignments: [{ userId: members.amoa.id, raciRole: 'consulted' }] });
    await actAs(members.amoe);
    const created = (await requestReport({ projectKey: project.key, campaignId: campaign.id, message: 'Merci de signer le PV.' })) as Result;
    expect(created).toMatchObject({ ok: true, data: { number: 1 } });
    const request = (await findApprovalRequest(getDb(), project.id, { number: 1 }))!;
    expect(request).toMatchObject({ deliverable: 'campaign_report', campaignId: campaign.id, baselineId: null, status: 'pending', campaignNumber: campaign.number });
    const snapshot = request.snapshot!;
    expect(snapshot.campaign).toMatchObject({ number: campaign.number, name: 'VABF lot paie', environment: 'Recette', build: '2.4.0-rc1' });
    expect(snapshot.results.map((r) => [r.testCase, r.verdict, r.executedBy])).toEqual([
      [passing.number, 'passed', 'Membre amoa'],
      [failing.number, 'failed', 'Membre amoa'],
      [skipped.number, 'not_run', null],
    ]);
    expect(snapshot.counts).toMatchObject({ passed: 1, failed: 1, not_run: 1, total: 3 });
    expect(snapshot.anomalies.map((a) => [a.number, a.severity, a.status])).toEqual([
      [blocking.number, 'blocking', 'fixing'],
      [minor.number, 'minor', 'closed'],
    ]);
    const notified = await getDb().select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(eq(notifications.projectId, project.id));
    // The approver by default (the MOA decides) and the consulted AMOA; never the requester.
    expect(new Set(notified.map((n) => n.userId))).toEqual(new Set([members.moa.id, members.amoa.id]));
    expect(notified.every((n) => n.kind === 'approval_requested')).toBe(true);

    // What happens to the anomalies afterwards never moves what is signed: the snapshot is frozen.
    const before = signable(await approvalSubject(getDb(), project.id, request)).hash;
    await getDb().update(anomalies).set({ status: 'closed' }).where(eq(anomalies.id, blocking.id));
    expect(signable(await approvalSubject(getDb(), project.id, (await findApprovalRequest(getDb(), project.id, { number: 1 }))!)).hash).toBe(before);
    await expect(queryRows(sql`update approval_requests set snapshot = '{}'::jsonb where id = ${request.id}`)).rejects.toThrow();
    await expect(queryRows(sql`update approval_requests set message = 'autre' where id = ${request.id}`)).rejects.toThrow();
  });

  test('refused: an open campaign, a second request while one is pending, a non-Responsable, another project’s campaign; a comment on an item', async () => {
    const { campaign } = await closedCampaign();
    const running = await createCampaignRow(project, { status: 'in_progress' });
    await actAs(members.amoe);
    expect(await requestReport({ projectKey: project.key, campaignId: running.id })).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('clôturée') });
    expect(await requestReport({ projectKey: project.key, campaignId: campaign.id })).toMatchObject({ ok: true });
    expect(await requestReport({ projectKey: project.key, campaignId: campaign.id })).toMatchObject({ ok: false, code: 'conflict' });
    const other = await createProjectWithMembers();
    const foreign = await createCampaignRow(other.project, { status: 'closed' });
    expect(await requestReport({ projectKey: project.key, campaignId: foreign.id })).toMatchObject({ ok: false, code: 'not_found' });
    await actAs(members.viewer);
    expect(await requestReport({ projectKey: project.key, campaignId: campaign.id })).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.owner);
    await setRaci({ projectKey: project.key, deliverable: 'campaign_report', revision: 0, assignments: [{ userId: members.owner.id, raciRole: 'responsible' }] });
    await actAs(members.amoe);
    const second = await createCampaignRow(project, { status: 'closed' });
    expect(await requestReport({ projectKey: project.key, campaignId: second.id })).toMatchObject({ ok: false, code: 'forbidden' });
    const request = (await findApprovalRequest(getDb(), project.id, { number: 1 }))!;
    expect(
      await comment({ projectKey: project.key, requestId: request.id, targetType: 'specification', targetId: campaign.id, body: 'Sur un élément ?' }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await comment({ projectKey: project.key, requestId: request.id, body: 'Vu.' })).toMatchObject({ ok: true });
    expect((await getDb().select().from(approvalRequests).where(eq(approvalRequests.projectId, project.id))).length).toBe(1);
  });

  test('the database holds one subject per request, the one its deliverable names', async () => {
    const { campaign } = await closedCampaign();
    const insert = (deliverable: string, campaignId: string | null, snapshot: string | null) =>
      queryRows(sql`insert into approval_requests (project_id, number, deliverable, campaign_id, snapshot)
        values (${project.id}, 90, ${deliverable}::deliverable_kind, ${campaignId}, ${snapshot}::jsonb)`);
    await expect(insert('campaign_report', campaign.id, null)).rejects.toThrow();
    await expect(insert('baseline', campaign.id, '{}')).rejects.toThrow();
    await expect(insert('campaign_report', null, '{}')).rejects.toThrow();
  });
});

describe('signing a campaign report and its PV', () => {
  test('the MOA approves with a reservation on the campaign’s anomaly; stale hash conflicts; a double submit signs once; the PV shows it all', async () => {
    const { campaign, blocking } = await closedCampaign();
    const outside = await createAnomalyRow(project, { title: 'Ailleurs', severity: 'major' });
    await actAs(members.amoe);
    await requestReport({ projectKey: project.key, campaignId: campaign.id, message: 'PV de la VABF' });
    const request = (await findApprovalRequest(getDb(), project.id, { number: 1 }))!;
    const seen = signable(await approvalSubject(getDb(), project.id, request));

    // The PV before any decision: figures of the frozen report, no signature yet.
    await actAs(members.viewer);
    const pending = await pv(1);
    expect(pending.status).toBe(200);
    expect(pending.headers.get('content-type')).toBe('application/pdf');
    const draft = await pdfText(pending);
    expect(draft).toContain('Procès-verbal de recette — rapport de campagne');
    expect(draft).toContain('En attente de décision');
    expect(draft).toContain('Aucune signature.');

    await actAs(members.moa);
    const base = { projectKey: project.key, requestId: request.id, password: TEST_PASSWORD, shownVersion: seen.version };
    const reservation = { text: 'Corriger le net négatif avant la mise en production', ownerId: members.amoe.id, dueDate: '2030-01-15' };
    expect(
      await decide({ ...base, shownHash: 'f'.repeat(64), decision: 'approved_with_reservations', reason: 'Une anomalie bloquante', reservations: [{ ...reservation, anomalyIds: [blocking.id] }] }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    // A reservation on a campaign report links that campaign's anomalies only.
    expect(
      await decide({ ...base, shownHash: seen.hash, decision: 'approved_with_reservations', reason: 'Une anomalie bloquante', reservations: [{ ...reservation, anomalyIds: [outside.id] }] }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    const input = { ...base, shownHash: seen.hash, decision: 'approved_with_reservations', reason: 'Une anomalie bloquante', reservations: [{ ...reservation, anomalyIds: [blocking.id] }] };
    const [first, second] = (await Promise.all([decide(input), decide(input)])) as Result[];
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    const signed = await listSignatures(getDb(), project.id, 'approval_request', [request.id]);
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatchObject({ signerName: 'Membre moa', meaning: 'approved_with_reservations', contentHash: seen.hash, intact: true });
    expect((await getDb().select().from(signatures).where(eq(signatures.subjectId, request.id))).length).toBe(1);
    const [raised] = await listReservations(getDb(), project.id, request.id);
    expect(raised!.anomalies.map((a) => a.id)).toEqual([blocking.id]);

    await actAs(members.viewer);
    const text = await pdfText(await pv(1));
    expect(text).toContain(`${campaign.number}. VABF lot paie`);
    expect(text).toContain('Recette / 2.4.0-rc1');
    expect(text).toContain('Décision : Approuvé avec réserves');
    expect(text).toMatch(/Réussi Échoué .*Total 0 0 1 1 0 1 3/);
    expect(text).toContain('Calcul du net Échoué Membre amoa');
    expect(text).toContain('Bloquante : 1 (dont 1 ouvertes)');
    expect(text).toContain(`ANO-${blocking.number} — Net négatif (En correction)`);
    expect(text).toContain('Corriger le net négatif avant la mise en production');
    expect(text).toMatch(/Membre moa \(MOA\) — Approuvé avec réserves — \d{1,2} \S+ 20\d\d/);
    expect(text).toContain(seen.hash);
    // Regenerating gives the same content; English on request.
    expect(await pdfText(await pv(1))).toBe(text);
    const english = await pdfText(await pv(1, '?lang=en'));
    expect(english).toContain('Acceptance report — campaign report');
    expect(english).toContain('Approved with reservations');
  });

  test('the PV route: a baseline request, an unknown number or another project’s member is not found', async () => {
    const { campaign } = await closedCampaign();
    await actAs(members.amoe);
    await requestReport({ projectKey: project.key, campaignId: campaign.id });
    const baseline = await createBaselineRow(project, []);
    expect(await createApprovalRequestRow(project, baseline)).toMatchObject({ number: 2 });
    expect((await pv(2)).status).toBe(404);
    expect((await pv(3)).status).toBe(404);
    const other = await createProjectWithMembers();
    await actAs(other.members.owner);
    expect((await pv(1)).status).toBe(404);
    const id = (await findApprovalRequest(getDb(), project.id, { number: 1 }))!.id;
    const asked = await downloadPv(new Request(`http://localhost/api/projects/${other.project.key}/approvals/${id}/pv`), { params: Promise.resolve({ projectKey: other.project.key, id }) });
    expect(asked.status).toBe(404);
    // The campaign cannot vanish from under its signed report.
    await expect(getDb().delete(campaigns).where(eq(campaigns.id, campaign.id))).rejects.toThrow();
  });
});
