import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import * as approvals from '@/app/(app)/projects/[projectKey]/approvals/actions';
import { getDb } from '@/db/client';
import { baselineComparisonPage } from '@/db/queries/baseline-comparison';
import { approvalSubject, findApprovalRequest, listReservations, reservationSubject, shownSignable } from '@/db/queries/approvals';
import { hasBaselineCandidates, listBaselineItems, listBaselines } from '@/db/queries/baselines';
import { listSignatures, signable } from '@/db/queries/signatures';
import { anomalies, approvalRequests, auditEvents, loginThrottles, signatures, specifications } from '@/db/schema';
import { redline } from '@/lib/signoff/baseline';
import { TEST_PASSWORD, actAs, addMembership, createProjectWithMembers, createUser, type TestUser } from '../setup/actors';
import { createAnomalyRow } from '../setup/recette-rows';
import { queryRows } from '../setup/db-state';
import { loose } from '../setup/server-actions';
import { createApprovalRequestRow, createBaselineRow } from '../setup/signoff-rows';
import { createLink, createRequirementRow, createSpecificationRow } from '../setup/trace-items';

const createBaseline = loose(approvals.createBaseline);
const requestApproval = loose(approvals.requestBaselineApproval);
const decide = loose(approvals.decideApproval);
const lift = loose(approvals.liftReservation);
const revoke = loose(approvals.revokeSignature);
const setRaci = loose(approvals.setRaci);
const comment = loose(approvals.commentOnApproval);

type Result = { ok: boolean; code?: string; data?: Record<string, unknown>; fieldErrors?: Record<string, string[]> };

let project: Awaited<ReturnType<typeof createProjectWithMembers>>['project'];
let members: Awaited<ReturnType<typeof createProjectWithMembers>>['members'];

beforeEach(async () => {
  ({ project, members } = await createProjectWithMembers());
});

async function errorText(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const parts: string[] = [];
    for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
    return parts.join(' / ');
  }
  throw new Error('the statement was accepted');
}

/** A pending request on a fresh baseline of one specification, and what its review page would show. */
async function pendingRequest() {
  const spec = await createSpecificationRow(project, { status: 'approved', body: 'Chiffrer les données' });
  const baseline = await createBaselineRow(project, [spec.id]);
  const created = await createApprovalRequestRow(project, baseline, { requestedBy: members.amoe.id });
  const request = (await findApprovalRequest(getDb(), project.id, { id: created.id }))!;
  const seen = signable(await approvalSubject(getDb(), project.id, request));
  return { spec, baseline, request, seen };
}

function decision(request: { id: string }, seen: { version: number; hash: string }, extra: Record<string, unknown> = {}) {
  return { projectKey: project.key, requestId: request.id, decision: 'approved', password: TEST_PASSWORD, shownVersion: seen.version, shownHash: seen.hash, ...extra };
}

describe('baselines', () => {
  test('freeze the chosen specifications and the requirements they trace to, at their versions; compare two', async () => {
    const requirement = await createRequirementRow(project, { title: 'Verser le salaire', version: 2 });
    const first = await createSpecificationRow(project, { title: 'Chiffrement', body: 'AES', version: 3 });
    const second = await createSpecificationRow(project, { title: 'Journal' });
    await createLink(project, requirement, first);
    await actAs(members.amoe);
    const created = (await createBaseline({ projectKey: project.key, name: 'LDB lot 1', specificationIds: [first.id, second.id] })) as Result;
    expect(created).toMatchObject({ ok: true, data: { number: 1 } });
    const [listed] = await listBaselines(getDb(), project.id);
    expect(listed).toMatchObject({ number: 1, name: 'LDB lot 1', items: 3, approval: null });
    const items = await listBaselineItems(getDb(), listed!.id);
    expect(items.map((i) => [i.kind, i.number, i.version])).toEqual([
      ['specification', first.number, 3],
      ['specification', second.number, 1],
      ['requirement', requirement.number, 2],
    ]);

    // The specification changes; a second baseline holds the new text and drops the other one.
    await getDb().update(specifications).set({ body: 'AES-256', version: 4 }).where(eq(specifications.id, first.id));
    expect(await createBaseline({ projectKey: project.key, name: 'LDB lot 2', specificationIds: [first.id] })).toMatchObject({ ok: true });
    const [later] = await listBaselines(getDb(), project.id);
    const { shown } = await baselineComparisonPage(getDb(), { before: listed!.id, after: later!.id, page: 1, pageSize: 50 });
    expect(shown.removed.map((i) => i.number)).toEqual([second.number]);
    expect(shown.changed.map((c) => [c.before.version, c.after.version])).toEqual([[3, 4]]);
    expect(redline(shown.changed[0]!).find((d) => d.field === 'body')!.changed).toBe(true);
  });

  test('another project’s specification is not found, and an empty choice is refused', async () => {
    const other = await createProjectWithMembers();
    const foreign = await createSpecificationRow(other.project);
    await actAs(members.amoe);
    expect(await createBaseline({ projectKey: project.key, name: 'LDB', specificationIds: [foreign.id] })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await createBaseline({ projectKey: project.key, name: 'LDB', specificationIds: [] })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await listBaselines(getDb(), project.id)).toEqual([]);
  });

  test('the freeze form is offered once the project has a specification that is not superseded, of its own', async () => {
    const other = await createProjectWithMembers();
    await createSpecificationRow(other.project);
    expect(await hasBaselineCandidates(getDb(), project.id)).toBe(false);
    await createSpecificationRow(project, { status: 'superseded' });
    expect(await hasBaselineCandidates(getDb(), project.id)).toBe(false);
    await createSpecificationRow(project, { status: 'draft' });
    expect(await hasBaselineCandidates(getDb(), project.id)).toBe(true);
  });

  test('a baseline’s content can never change: the database refuses UPDATE and DELETE of it and of its items', async () => {
    const { baseline } = await pendingRequest();
    expect(await errorText(() => queryRows(sql`update baselines set name = 'autre' where id = ${baseline.id}`))).toMatch(/baselines is append-only: UPDATE refused/);
    expect(await errorText(() => queryRows(sql`update baseline_items set version = 9 where baseline_id = ${baseline.id}`))).toMatch(
      /baseline_items is append-only: UPDATE refused/,
    );
    expect(await errorText(() => queryRows(sql`delete from baseline_items where baseline_id = ${baseline.id}`))).toMatch(/DELETE refused/);
    expect(await errorText(() => queryRows(sql`delete from baselines where id = ${baseline.id}`))).toMatch(/DELETE refused/);
  });
});

describe('requesting an approval', () => {
  test('a Responsable requests once per baseline; the RACI can narrow who may request', async () => {
    const spec = await createSpecificationRow(project);
    const baseline = await createBaselineRow(project, [spec.id]);
    await actAs(members.owner);
    expect(
      await setRaci({ projectKey: project.key, deliverable: 'baseline', revision: 0, assignments: [{ userId: members.amoe.id, raciRole: 'responsible' }] }),
    ).toMatchObject({ ok: true, data: { revision: 1 } });
    await actAs(members.amoa);
    expect(await requestApproval({ projectKey: project.key, baselineId: baseline.id, message: 'Merci' })).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.amoe);
    expect(await requestApproval({ projectKey: project.key, baselineId: baseline.id, message: 'Merci' })).toMatchObject({ ok: true, data: { number: 1 } });
    expect(await requestApproval({ projectKey: project.key, baselineId: baseline.id, message: 'Encore' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  test('the RACI refuses an approver whose role cannot decide, and a stale revision', async () => {
    await actAs(members.owner);
    const amoeApprover = { projectKey: project.key, deliverable: 'baseline', revision: 0, assignments: [{ userId: members.amoe.id, raciRole: 'approver' }] };
    expect(await setRaci(amoeApprover)).toMatchObject({ ok: false, code: 'invalid' });
    const ok = { ...amoeApprover, assignments: [{ userId: members.moa.id, raciRole: 'approver' }], quorum: 1 };
    expect(await setRaci(ok)).toMatchObject({ ok: true });
    expect(await setRaci(ok)).toMatchObject({ ok: false, code: 'conflict' });
  });

  test('anyone of the project comments, overall or on an item of the baseline; an item not in it is not found', async () => {
    const { spec, request } = await pendingRequest();
    await actAs(members.viewer);
    expect(await comment({ projectKey: project.key, requestId: request.id, body: 'Vu.' })).toMatchObject({ ok: true });
    expect(await comment({ projectKey: project.key, requestId: request.id, targetType: 'specification', targetId: spec.id, body: 'Et le chiffrement ?' })).toMatchObject({ ok: true });
    const other = await createSpecificationRow(project);
    expect(await comment({ projectKey: project.key, requestId: request.id, targetType: 'specification', targetId: other.id, body: 'x' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('signing a decision', () => {
  test('the MOA approves with the password: one signature with their printed name, role, meaning and the hash shown', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    const result = (await decide(decision(request, seen))) as Result;
    expect(result).toMatchObject({ ok: true, data: { status: 'approved' } });
    const [shown] = await listSignatures(getDb(), project.id, 'approval_request', [request.id]);
    expect(shown).toMatchObject({ signerId: members.moa.id, signerName: 'Membre moa', signerRole: 'moa', meaning: 'approved', contentHash: seen.hash, intact: true, revokedAt: null });
    // The server's clock, not the client's.
    expect(Math.abs(shown!.signedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  test('amoe and the owner cannot approve (forbidden); a non-member gets not found', async () => {
    const { request, seen } = await pendingRequest();
    for (const who of [members.amoe, members.owner, members.viewer]) {
      await actAs(who);
      expect(await decide(decision(request, seen))).toMatchObject({ ok: false, code: 'forbidden' });
    }
    await actAs(await createUser());
    expect(await decide(decision(request, seen))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await listSignatures(getDb(), project.id, 'approval_request', [request.id])).toEqual([]);
  });

  test('only the RACI’s approvers of that project sign: another MOA member is refused', async () => {
    const { request, seen } = await pendingRequest();
    const secondMoa = await createUser({ name: 'Autre MOA' });
    await addMembership(project, secondMoa, 'moa');
    await actAs(members.owner);
    await setRaci({ projectKey: project.key, deliverable: 'baseline', revision: 0, assignments: [{ userId: members.moa.id, raciRole: 'approver' }] });
    await actAs(secondMoa);
    expect(await decide(decision(request, seen))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test('without the password, or with a wrong one, nothing is signed; the wrong one is journaled and throttled like sign-in', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    const { password: _omitted, ...withoutPassword } = decision(request, seen);
    expect(await decide(withoutPassword)).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { password: expect.any(Array) } });
    expect(await decide(decision(request, seen, { password: 'pas le bon' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { password: expect.any(Array) } });
    expect(await listSignatures(getDb(), project.id, 'approval_request', [request.id])).toEqual([]);
    const journal = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorId, members.moa.id));
    expect(journal.map((j) => j.action)).toContain('signature_password_failed');
    const counters = await getDb().select().from(loginThrottles);
    expect(counters.some((c) => c.key.startsWith('account:') && c.failures === 1)).toBe(true);
    // Five more wrong passwords reach the sign-in throttle: then even the right one is refused for a while (the
    // clock stands still, so however slow the machine the wait has not passed).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    try {
      for (let i = 0; i < 5; i += 1) await decide(decision(request, seen, { password: `faux ${i}` }));
      expect(await decide(decision(request, seen))).toMatchObject({ ok: false, code: 'rate_limited' });
    } finally {
      vi.useRealTimers();
    }
    const [row] = await getDb().select().from(approvalRequests).where(eq(approvalRequests.id, request.id));
    expect(row!.status).toBe('pending');
  });

  test('a signature in another person’s name is impossible: a signer id sent along is ignored', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    expect(await decide(decision(request, seen, { signerId: members.owner.id, signerName: 'Quelqu’un', signerRole: 'owner' }))).toMatchObject({ ok: true });
    const rows = await getDb().select().from(signatures).where(eq(signatures.subjectId, request.id));
    expect(rows.map((r) => [r.signerId, r.signerName, r.signerRole])).toEqual([[members.moa.id, 'Membre moa', 'moa']]);
  });

  test('a stale hash or version is a conflict: the content changed since the approver saw it', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    expect(await decide(decision(request, seen, { shownHash: 'a'.repeat(64) }))).toMatchObject({ ok: false, code: 'conflict' });
    expect(await decide(decision(request, seen, { shownVersion: 2 }))).toMatchObject({ ok: false, code: 'conflict' });
    expect(await listSignatures(getDb(), project.id, 'approval_request', [request.id])).toEqual([]);
  });

  test('a double submission signs once, even sent at the same time', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    const results = (await Promise.all([decide(decision(request, seen)), decide(decision(request, seen))])) as Result[];
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await decide(decision(request, seen))).toMatchObject({ ok: true });
    const rows = await getDb().select().from(signatures).where(eq(signatures.subjectId, request.id));
    expect(rows).toHaveLength(1);
  });

  test('a reason is required unless approving; with reservations, each reservation is created with its anomalies', async () => {
    const { request, seen } = await pendingRequest();
    const anomaly = await createAnomalyRow(project, { status: 'fixing' });
    await actAs(members.moa);
    expect(await decide(decision(request, seen, { decision: 'rejected' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { reason: expect.any(Array) } });
    expect(await decide(decision(request, seen, { decision: 'approved_with_reservations', reason: 'Sous réserve' }))).toMatchObject({ ok: false, code: 'invalid' });
    const reservation = { text: 'Corriger ANO', ownerId: members.amoe.id, dueDate: '2026-04-30', anomalyIds: [anomaly.id] };
    const result = await decide(decision(request, seen, { decision: 'approved_with_reservations', reason: 'Sous réserve', reservations: [reservation] }));
    expect(result).toMatchObject({ ok: true, data: { status: 'approved_with_reservations' } });
    const [created] = await listReservations(getDb(), project.id, request.id);
    expect(created).toMatchObject({ text: 'Corriger ANO', status: 'open', dueDate: '2026-04-30', anomalies: [{ id: anomaly.id, status: 'fixing' }] });
  });

  test('the quorum: with two approvers and no quorum set, the request stays pending until both have approved', async () => {
    const { request, seen } = await pendingRequest();
    const secondMoa = await createUser({ name: 'Deuxième MOA' });
    await addMembership(project, secondMoa, 'moa');
    await actAs(members.moa);
    expect(await decide(decision(request, seen))).toMatchObject({ ok: true, data: { status: 'pending' } });
    await actAs(secondMoa);
    expect(await decide(decision(request, seen))).toMatchObject({ ok: true, data: { status: 'approved' } });
  });

  test('a rejection rejects, and a decided request takes no more decision', async () => {
    const { request, seen } = await pendingRequest();
    const secondMoa = await createUser();
    await addMembership(project, secondMoa, 'moa');
    await actAs(members.moa);
    expect(await decide(decision(request, seen, { decision: 'rejected', reason: 'Incomplet' }))).toMatchObject({ ok: true, data: { status: 'rejected' } });
    await actAs(secondMoa);
    expect(await decide(decision(request, seen))).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('signatures are append-only', () => {
  test('raw SQL cannot UPDATE, DELETE or TRUNCATE a signature', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    await decide(decision(request, seen));
    expect(await errorText(() => queryRows(sql`update signatures set reason = 'autre'`))).toMatch(/signatures is append-only: UPDATE refused/);
    expect(await errorText(() => queryRows(sql`delete from signatures`))).toMatch(/signatures is append-only: DELETE refused/);
    // CASCADE, or PostgreSQL refuses first because other append-only records (a recette définitive) point at
    // signatures; then the triggers of signatures and of those tables refuse it.
    expect(await errorText(() => queryRows(sql`truncate signatures cascade`))).toMatch(/is append-only: TRUNCATE refused/);
    expect(await getDb().select().from(signatures).where(eq(signatures.subjectId, request.id))).toHaveLength(1);
  });

  test('a revocation row for someone else’s signature is refused by the database', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    await decide(decision(request, seen));
    const [original] = await getDb().select().from(signatures).where(eq(signatures.subjectId, request.id));
    const forged = sql`insert into signatures (project_id, signer_id, signer_name, signer_role, meaning, subject_kind, subject_id, subject_version, content, content_hash, revokes_id)
      values (${project.id}, ${members.owner.id}, 'x', 'owner', 'revoked', ${original!.subjectKind}, ${original!.subjectId}, 1, '{}'::jsonb, 'x', ${original!.id})`;
    expect(await errorText(() => queryRows(forged))).toMatch(/only the signer revokes/);
  });

  test('only the signer revokes, with password and reason, as a new event; the request is pending again', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    await decide(decision(request, seen));
    const [original] = await getDb().select().from(signatures).where(eq(signatures.subjectId, request.id));
    const secondMoa: TestUser = await createUser();
    await addMembership(project, secondMoa, 'moa');
    await actAs(secondMoa);
    expect(await revoke({ projectKey: project.key, signatureId: original!.id, reason: 'Pas à moi', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    await actAs(members.moa);
    expect(await revoke({ projectKey: project.key, signatureId: original!.id, reason: 'Signé trop tôt', password: 'faux' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await revoke({ projectKey: project.key, signatureId: original!.id, reason: 'Signé trop tôt', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const [shown] = await listSignatures(getDb(), project.id, 'approval_request', [request.id]);
    expect(shown).toMatchObject({ id: original!.id, revocationReason: 'Signé trop tôt' });
    expect(shown!.revokedAt).toBeInstanceOf(Date);
    const [row] = await getDb().select().from(approvalRequests).where(eq(approvalRequests.id, request.id));
    expect(row!.status).toBe('pending');
    expect(await revoke({ projectKey: project.key, signatureId: original!.id, reason: 'Encore', password: TEST_PASSWORD })).toMatchObject({ ok: false, code: 'not_found' });
  });

  test('the hash the review page keeps is shown, never trusted: a baseline item altered behind the triggers is refused at signature', async () => {
    const { baseline, request, seen } = await pendingRequest();
    const shown = await shownSignable(getDb(), project.id, request);
    expect(shown).toEqual(seen);
    // What only the database owner could do, by disabling the trigger: the content signed now differs from the one shown.
    await queryRows(sql`alter table baseline_items disable trigger baseline_items_no_update_delete`);
    await queryRows(sql`update baseline_items set snapshot = jsonb_set(snapshot, '{body}', '"Ne rien chiffrer"') where baseline_id = ${baseline.id}`);
    await queryRows(sql`alter table baseline_items enable trigger baseline_items_no_update_delete`);
    expect(signable(await approvalSubject(getDb(), project.id, request)).hash).not.toBe(shown.hash);
    await actAs(members.moa);
    expect(await decide(decision(request, shown))).toMatchObject({ ok: false, code: 'conflict' });
    expect(await listSignatures(getDb(), project.id, 'approval_request', [request.id])).toEqual([]);
  });

  test('verification recomputes the hash of the stored content: a row altered behind the triggers shows as altered', async () => {
    const { request, seen } = await pendingRequest();
    await actAs(members.moa);
    await decide(decision(request, seen));
    expect((await listSignatures(getDb(), project.id, 'approval_request', [request.id]))[0]!.intact).toBe(true);
    // What only the database owner could do, by disabling the trigger: the verification must notice.
    await queryRows(sql`alter table signatures disable trigger signatures_no_update_delete`);
    await queryRows(sql`update signatures set content = jsonb_set(content, '{request,message}', '"autre"') where subject_id = ${request.id}`);
    await queryRows(sql`alter table signatures enable trigger signatures_no_update_delete`);
    expect((await listSignatures(getDb(), project.id, 'approval_request', [request.id]))[0]!.intact).toBe(false);
  });
});

describe('reservations', () => {
  async function approvedWithReservation() {
    const { request, seen } = await pendingRequest();
    const anomaly = await createAnomalyRow(project, { status: 'to_retest' });
    await actAs(members.moa);
    const reservation = { text: 'Corriger le calcul', ownerId: members.amoe.id, dueDate: '2026-04-30', anomalyIds: [anomaly.id] };
    await decide(decision(request, seen, { decision: 'approved_with_reservations', reason: 'Réserve', reservations: [reservation] }));
    const [created] = await listReservations(getDb(), project.id, request.id);
    return { anomaly, reservation: created! };
  }

  test('lifting is refused while an anomaly is open, then signed by an approver once it is closed', async () => {
    const { anomaly, reservation } = await approvedWithReservation();
    const seen = signable(reservationSubject(reservation));
    const input = { projectKey: project.key, reservationId: reservation.id, password: TEST_PASSWORD, shownVersion: seen.version, shownHash: seen.hash };
    expect(await lift(input)).toMatchObject({ ok: false, code: 'conflict' });
    await getDb().update(anomalies).set({ status: 'closed' }).where(eq(anomalies.id, anomaly.id));
    // The page showed the anomaly still open: the stale hash is a conflict.
    expect(await lift(input)).toMatchObject({ ok: false, code: 'conflict' });
    const [now] = await listReservations(getDb(), project.id);
    const fresh = signable(reservationSubject(now!));
    await actAs(members.amoe);
    expect(await lift({ ...input, shownHash: fresh.hash })).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.moa);
    expect(await lift({ ...input, shownHash: fresh.hash })).toMatchObject({ ok: true });
    const [lifted] = await listReservations(getDb(), project.id);
    expect(lifted).toMatchObject({ status: 'lifted' });
    const [signature] = await listSignatures(getDb(), project.id, 'reservation', [reservation.id]);
    expect(signature).toMatchObject({ meaning: 'reservation_lifted', signerId: members.moa.id, intact: true });
  });
});
