import { eq, sql } from 'drizzle-orm';
import { getDocumentProxy, extractText } from 'unpdf';
import { describe, expect, test } from 'vitest';
import * as actions from '@/app/(app)/projects/[projectKey]/readiness/actions';
import { GET as downloadPv } from '@/app/api/projects/[projectKey]/go-no-go/[id]/pv/route';
import { getDb } from '@/db/client';
import { findGoNoGoRecord, findRelease, GO_NO_GO_SUBJECT, readinessInputs, recordContent, releaseReadiness } from '@/db/queries/readiness';
import { listSignatures } from '@/db/queries/signatures';
import { anomalies, campaigns, goNoGoRecords, releaseChecklistItems, reservations } from '@/db/schema';
import { contentHash } from '@/lib/signoff/canonical';
import { TEST_PASSWORD, actAs, createProjectWithMembers } from '../setup/actors';
import { createAnomalyRow, createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { createApprovalRequestRow, createBaselineRow, createReservationRow } from '../setup/signoff-rows';
import { loose } from '../setup/server-actions';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow, createTestLink } from '../setup/trace-items';

const createRelease = loose(actions.createRelease);
const updateRelease = loose(actions.updateRelease);
const deleteRelease = loose(actions.deleteRelease);
const updateReadinessThresholds = loose(actions.updateReadinessThresholds);
const updateChecklistItem = loose(actions.updateChecklistItem);
const addChecklistItem = loose(actions.addChecklistItem);
const removeChecklistItem = loose(actions.removeChecklistItem);
const recordGoNoGo = loose(actions.recordGoNoGo);
const signGoNoGo = loose(actions.signGoNoGo);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; message?: string; details?: unknown; fieldErrors?: Record<string, string[]> };

async function expectOk(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data!;
}

/**
 * A project with four must-have requirements: A covered and verified (its test passed in the closed campaign), B
 * covered but its test failed, C without an approved specification, D covered through its specification's test
 * which no campaign ran; plus a should-have with nothing. Open anomalies: 1 bloquante, 2 majeures, 1 mineure in
 * the campaign, and a closed majeure (not counted).
 */
async function readinessProject() {
  const { project, members } = await createProjectWithMembers();
  const approved = () => createSpecificationRow(project, { status: 'approved' });
  const reqA = await createRequirementRow(project, { title: 'Calcul du net à payer' });
  const reqB = await createRequirementRow(project, { title: 'Bulletin dématérialisé' });
  const reqC = await createRequirementRow(project, { title: 'Déclaration sociale nominative' });
  const reqD = await createRequirementRow(project, { title: 'Archivage légal' });
  await createRequirementRow(project, { title: 'Export comptable', priority: 'should' });
  const specA = await approved();
  const specB = await approved();
  const specC = await createSpecificationRow(project, { status: 'draft' });
  const specD = await approved();
  await createLink(project, reqA, specA);
  await createLink(project, reqB, specB);
  await createLink(project, reqC, specC);
  await createLink(project, reqD, specD);
  const tcA = await createTestCaseRow(project, { title: 'Net à payer' });
  const tcB = await createTestCaseRow(project, { title: 'Bulletin' });
  const tcC = await createTestCaseRow(project, { title: 'DSN' });
  const tcD = await createTestCaseRow(project, { title: 'Archivage' });
  await createTestLink(project, reqA, tcA, { from: 'requirement' });
  await createTestLink(project, specB, tcB);
  await createTestLink(project, reqC, tcC, { from: 'requirement' });
  await createTestLink(project, specD, tcD);
  const closed = await createCampaignRow(project, { name: 'VABF lot 1', status: 'closed', environment: 'Recette', build: '2.4.0' });
  const itemA = await createItemRow(closed, project, tcA, { position: 1 });
  const itemB = await createItemRow(closed, project, tcB, { position: 2 });
  const itemC = await createItemRow(closed, project, tcC, { position: 3 });
  await createExecutionRow(itemA, closed, project, tcA, { status: 'passed' });
  const failed = await createExecutionRow(itemB, closed, project, tcB, { status: 'failed' });
  await createExecutionRow(itemC, closed, project, tcC, { status: 'passed' });
  await createAnomalyRow(project, { campaignId: closed.id, severity: 'blocking', executionIds: [failed.id] });
  await createAnomalyRow(project, { campaignId: closed.id, severity: 'major' });
  await createAnomalyRow(project, { campaignId: closed.id, severity: 'major', status: 'fixing' });
  await createAnomalyRow(project, { campaignId: closed.id, severity: 'minor' });
  await createAnomalyRow(project, { campaignId: closed.id, severity: 'major', status: 'closed' });
  const open = await createCampaignRow(project, { name: 'Non-régression', status: 'in_progress' });
  return { project, members, closed, open };
}

function releaseForm(projectKey: string, campaignIds: string[], overrides: Record<string, unknown> = {}) {
  return { projectKey, name: 'Mise en production lot 1', version: '2.4.0', targetDate: '2026-04-06', scope: 'Paie et DSN.', campaignIds, ...overrides };
}

/** The database's own error text, wherever the driver wraps it. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const parts: string[] = [];
    for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
    return parts.join(' / ');
  }
  throw new Error('the statement was accepted');
}

async function pdfText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('release readiness', () => {
  test('the sign-off criteria read the latest baseline\'s latest request and the open reservations of the project', async () => {
    const { project, members, closed } = await readinessProject();
    await actAs(members.amoe);
    const { number } = await expectOk(createRelease(releaseForm(project.key, [closed.id])));
    const release = (await findRelease(getDb(), project.id, number as number))!;
    const inputsNow = async () => (await readinessInputs(getDb(), project.id, release.id, { maxBlocking: 0, maxMajor: 3 })).inputs;
    const verdicts = async () => {
      const { snapshot } = await releaseReadiness(getDb(), project.id, release);
      return Object.fromEntries(snapshot.criteria.filter((c) => c.key === 'baselineApproved' || c.key === 'openReservations').map((c) => [c.key, c.verdict]));
    };
    expect(await verdicts()).toEqual({ baselineApproved: 'reservation', openReservations: 'met' });
    // The first baseline approved with one reservation, one overdue and one lifted; then a second baseline, rejected once, then asked again.
    const first = await createBaselineRow(project, []);
    const approval = await createApprovalRequestRow(project, first, { status: 'approved_with_reservations' });
    await createReservationRow(project, approval, { dueDate: '2000-01-01' });
    await createReservationRow(project, approval, { dueDate: '2999-12-31' });
    const lifted = await createReservationRow(project, approval);
    await getDb().update(reservations).set({ status: 'lifted', liftedAt: new Date() }).where(eq(reservations.id, lifted.id));
    expect(await inputsNow()).toMatchObject({ baseline: { number: first.number, approval: 'approved_with_reservations' }, reservations: { open: 2, overdue: 1 } });
    expect(await verdicts()).toEqual({ baselineApproved: 'met', openReservations: 'reservation' });
    const second = await createBaselineRow(project, []);
    expect((await inputsNow()).baseline).toEqual({ number: second.number, approval: 'none' });
    await createApprovalRequestRow(project, second, { status: 'rejected' });
    expect(await verdicts()).toMatchObject({ baselineApproved: 'blocking' });
    await createApprovalRequestRow(project, second, { status: 'pending' });
    expect((await inputsNow()).baseline).toEqual({ number: second.number, approval: 'pending' });
    expect(await verdicts()).toMatchObject({ baselineApproved: 'reservation' });
  });

  test('computes every criterion in one statement on the project data', async () => {
    const { project, members, closed } = await readinessProject();
    await actAs(members.amoe);
    const { number } = await expectOk(createRelease(releaseForm(project.key, [closed.id])));
    const release = (await findRelease(getDb(), project.id, number as number))!;
    const { inputs, gaps } = await readinessInputs(getDb(), project.id, release.id, { maxBlocking: 0, maxMajor: 3 });
    expect(inputs).toEqual({
      thresholds: { maxBlocking: 0, maxMajor: 3 },
      openAnomalies: { blocking: 1, major: 2, minor: 1 },
      mustHave: { total: 4, uncovered: 1, unverified: 2 },
      suspectLinks: 0,
      campaigns: { total: 1, open: 0 },
      checklist: { total: 6, unsettled: 6 },
      baseline: { number: null, approval: 'none' },
      reservations: { open: 0, overdue: 0 },
    });
    expect(gaps.map((g) => [g.title, g.gap])).toEqual([
      ['Bulletin dématérialisé', 'unverified'],
      ['Déclaration sociale nominative', 'uncovered'],
      ['Archivage légal', 'unverified'],
    ]);
    const { snapshot } = await releaseReadiness(getDb(), project.id, release);
    expect(snapshot.proposedDecision).toBe('no_go');
    expect(snapshot.criteria.find((c) => c.key === 'blockingAnomalies')!.verdict).toBe('blocking');
    expect(snapshot.campaigns).toEqual([
      expect.objectContaining({ number: closed.number, results: { total: 3, passed: 2, failed: 1, blocked: 0, notRun: 0, pending: 0 } }),
    ]);
    // The template checklist is in the creator's language.
    expect(snapshot.checklist[0]).toMatchObject({ label: 'Plan de retour arrière validé', status: 'todo' });
  });

  test('the thresholds are the owner\'s, with a conflict on a stale save', async () => {
    const { project, members } = await readinessProject();
    await actAs(members.amoe);
    expect(await updateReadinessThresholds({ projectKey: project.key, maxBlocking: 1, maxMajor: 5, revision: 1 })).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.owner);
    await expectOk(updateReadinessThresholds({ projectKey: project.key, maxBlocking: 1, maxMajor: 5, revision: 1 }));
    expect(await updateReadinessThresholds({ projectKey: project.key, maxBlocking: 2, maxMajor: 5, revision: 1 })).toMatchObject({ ok: false, code: 'conflict' });
  });

  test('release edits check the revision; foreign campaigns are not found', async () => {
    const { project, members, closed, open } = await readinessProject();
    const other = await readinessProject();
    await actAs(members.amoe);
    const { number } = await expectOk(createRelease(releaseForm(project.key, [closed.id])));
    expect(await createRelease(releaseForm(project.key, [other.closed.id]))).toMatchObject({ ok: false, code: 'not_found' });
    const release = (await findRelease(getDb(), project.id, number as number))!;
    await expectOk(updateRelease({ ...releaseForm(project.key, [closed.id, open.id]), id: release.id, revision: 1 }));
    expect(await updateRelease({ ...releaseForm(project.key, [closed.id]), id: release.id, revision: 1 })).toMatchObject({ ok: false, code: 'conflict' });
    const updated = (await findRelease(getDb(), project.id, number as number))!;
    expect([...updated.campaignIds].sort()).toEqual([closed.id, open.id].sort());
    await actAs(members.moa);
    expect(await createRelease(releaseForm(project.key, []))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test('go / no-go is refused while a campaign in scope is open, then recorded with a frozen snapshot', async () => {
    const { project, members, closed, open } = await readinessProject();
    await actAs(members.amoe);
    const { number } = await expectOk(createRelease(releaseForm(project.key, [closed.id, open.id])));
    const release = (await findRelease(getDb(), project.id, number as number))!;
    const record = (overrides: Record<string, unknown> = {}) =>
      recordGoNoGo({ projectKey: project.key, releaseId: release.id, decision: 'no_go', proposedDecision: 'no_go', reason: '', participantIds: [members.moa.id, members.amoe.id], ...overrides });

    expect(await record()).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('clôturez la recette') });
    await getDb().update(campaigns).set({ status: 'closed', closedAt: new Date() }).where(eq(campaigns.id, open.id));
    // A decision other than the proposal needs its reason; a proposal that moved meanwhile is a conflict.
    expect(await record({ decision: 'go_with_reservations' })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { reason: [expect.any(String)] } });
    expect(await record({ proposedDecision: 'go', decision: 'go' })).toMatchObject({ ok: false, code: 'conflict' });
    const { id } = await expectOk(record({ decision: 'go_with_reservations', reason: 'La bloquante ANO-1 a un contournement validé.' }));

    const stored = (await findGoNoGoRecord(getDb(), project.id, id as string))!;
    const { snapshotHash } = stored;
    expect(stored.decision).toBe('go_with_reservations');
    expect(stored.participants.map((p) => p.name)).toEqual(['Membre moa', 'Membre amoe']);
    expect(contentHash(recordContent(stored))).toBe(snapshotHash);
    const frozen = stored.snapshot;
    expect(frozen.inputs.openAnomalies).toEqual({ blocking: 1, major: 2, minor: 1 });

    // Later changes alter the live criteria, never the record.
    await getDb().update(anomalies).set({ status: 'closed' }).where(eq(anomalies.projectId, project.id));
    await getDb().update(releaseChecklistItems).set({ status: 'done' }).where(eq(releaseChecklistItems.releaseId, release.id));
    const live = await releaseReadiness(getDb(), project.id, release);
    expect(live.snapshot.inputs.openAnomalies).toEqual({ blocking: 0, major: 0, minor: 0 });
    const again = (await findGoNoGoRecord(getDb(), project.id, id as string))!;
    expect(again.snapshot).toEqual(frozen);
    expect(again.snapshotHash).toBe(snapshotHash);

    // A release with a record cannot be deleted.
    expect(await deleteRelease({ projectKey: project.key, id: release.id, revision: release.revision })).toMatchObject({ ok: false, code: 'conflict' });
  });

  test('the database refuses to change or erase a go / no-go record', async () => {
    const { project, members, closed } = await readinessProject();
    await actAs(members.amoe);
    const { number } = await expectOk(createRelease(releaseForm(project.key, [closed.id])));
    const release = (await findRelease(getDb(), project.id, number as number))!;
    const { id } = await expectOk(
      recordGoNoGo({ projectKey: project.key, releaseId: release.id, decision: 'no_go', proposedDecision: 'no_go', participantIds: [members.moa.id] }),
    );
    expect(await refusal(() => getDb().execute(sql`update go_no_go_records set decision = 'go' where id = ${id}`))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(() => getDb().execute(sql`update go_no_go_records set snapshot = '{}'::jsonb`))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(() => getDb().execute(sql`delete from go_no_go_records where id = ${id}`))).toMatch(/append-only: DELETE refused/);
    // Cascade: go_live_records refers to the records (without it the foreign key, not the trigger, refuses).
    expect(await refusal(() => getDb().execute(sql`truncate go_no_go_records cascade`))).toMatch(/append-only: TRUNCATE refused/);
    const [still] = await getDb().select({ decision: goNoGoRecords.decision }).from(goNoGoRecords).where(eq(goNoGoRecords.id, id as string));
    expect(still!.decision).toBe('no_go');
  });

  test('checklist items: edit with revision, evidence must be a web address, owner a member', async () => {
    const { project, members, closed } = await readinessProject();
    const outsider = await createProjectWithMembers();
    await actAs(members.amoe);
    const { number } = await expectOk(createRelease(releaseForm(project.key, [closed.id])));
    const release = (await findRelease(getDb(), project.id, number as number))!;
    const [first] = await getDb().select().from(releaseChecklistItems).where(eq(releaseChecklistItems.releaseId, release.id)).orderBy(releaseChecklistItems.position).limit(1);
    const edit = (overrides: Record<string, unknown>) =>
      updateChecklistItem({ projectKey: project.key, id: first!.id, revision: 1, label: first!.label, ownerId: members.amoe.id, status: 'done', evidenceUrl: 'https://ged.exemple.fr/plan-retour', ...overrides });
    expect(await edit({ evidenceUrl: 'javascript:alert(1)' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await edit({ ownerId: outsider.members.owner.id })).toMatchObject({ ok: false, code: 'not_found' });
    await expectOk(edit({}));
    expect(await edit({ status: 'todo' })).toMatchObject({ ok: false, code: 'conflict' });
    const { id } = await expectOk(addChecklistItem({ projectKey: project.key, releaseId: release.id, label: 'Astreinte organisée', status: 'todo', evidenceUrl: '' }));
    await expectOk(removeChecklistItem({ projectKey: project.key, id, revision: 1 }));
    const { inputs } = await readinessInputs(getDb(), project.id, release.id, { maxBlocking: 0, maxMajor: 3 });
    expect(inputs.checklist).toEqual({ total: 6, unsettled: 5 });
  });

  test('the PV de recette PDF prints the frozen figures, in French and in English, the same each time', async () => {
    const { project, members, closed } = await readinessProject();
    await actAs(members.amoe);
    const { number } = await expectOk(createRelease(releaseForm(project.key, [closed.id])));
    const release = (await findRelease(getDb(), project.id, number as number))!;
    const { id } = await expectOk(
      recordGoNoGo({ projectKey: project.key, releaseId: release.id, decision: 'no_go', proposedDecision: 'no_go', participantIds: [members.moa.id, members.owner.id] }),
    );
    const { snapshotHash } = (await findGoNoGoRecord(getDb(), project.id, id as string))!;
    await actAs(members.viewer);
    const call = (query = '') =>
      downloadPv(new Request(`http://localhost/api/projects/${project.key}/go-no-go/${id}/pv${query}`), { params: Promise.resolve({ projectKey: project.key, id: id as string }) });
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const french = await pdfText(response);
    expect(french).toContain('Procès-verbal de recette — décision go / no-go');
    expect(french).toContain('Décision : NO-GO (ajournement)');
    expect(french).toContain('Anomalies bloquantes ouvertes');
    expect(french).toContain('1 ouverte ; seuil : 0');
    expect(french).toContain('2 ouvertes ; seuil : 3');
    expect(french).toContain('1 sur 4 ; 1 non couvertes, 2 non vérifiées');
    expect(french).toContain('Bloquante : 1 · Majeure : 2 · Mineure : 1');
    expect(french).toContain('Déclaration sociale nominative');
    expect(french).toContain('Plan de retour arrière validé');
    expect(french).toContain('Membre moa (MOA)');
    expect(french).toContain(snapshotHash as string);
    expect(await pdfText(await call())).toBe(french);

    const english = await pdfText(await call('?lang=en'));
    expect(english).toContain('Acceptance report — go / no-go decision');
    expect(english).toContain('Decision: NO-GO (postponed)');
    expect(english).toContain('Blocking: 1 · Major: 2 · Minor: 1');

    // Another project's member learns nothing.
    const stranger = await createProjectWithMembers();
    await actAs(stranger.members.owner);
    expect((await call()).status).toBe(404);
  });

  test('the approvers sign the frozen record with their password; the PV prints their signatures', async () => {
    const { project, members, closed } = await readinessProject();
    await actAs(members.amoe);
    const { number } = await expectOk(createRelease(releaseForm(project.key, [closed.id])));
    const release = (await findRelease(getDb(), project.id, number as number))!;
    const { id } = await expectOk(
      recordGoNoGo({ projectKey: project.key, releaseId: release.id, decision: 'no_go', proposedDecision: 'no_go', participantIds: [members.moa.id] }),
    );
    const record = (await findGoNoGoRecord(getDb(), project.id, id as string))!;
    const signing = (overrides: Record<string, unknown> = {}) =>
      signGoNoGo({ projectKey: project.key, goNoGoRecordId: id, reason: 'Ajournement accepté.', password: TEST_PASSWORD, shownVersion: 1, shownHash: record.snapshotHash, ...overrides });

    // The AMOE recorded the meeting; only the go / no-go's approvers (the MOA by the default RACI) sign it.
    expect(await signing()).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.moa);
    expect(await signing({ password: 'pas le bon mot de passe' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await signing({ shownHash: '0'.repeat(64) })).toMatchObject({ ok: false, code: 'conflict' });
    const first = await expectOk(signing());
    expect(await expectOk(signing())).toEqual(first);
    const [signature] = await listSignatures(getDb(), project.id, GO_NO_GO_SUBJECT, [id as string]);
    expect(signature).toMatchObject({ signerName: 'Membre moa', signerRole: 'moa', meaning: 'no_go', contentHash: record.snapshotHash, intact: true });

    const response = await downloadPv(new Request(`http://localhost/api/projects/${project.key}/go-no-go/${id}/pv`), {
      params: Promise.resolve({ projectKey: project.key, id: id as string }),
    });
    const text = await pdfText(response);
    expect(text).toContain('Signatures');
    expect(text).toMatch(/Membre moa \(MOA\) — NO-GO — \d{1,2} \S+ 20\d\d/);
  });
});
