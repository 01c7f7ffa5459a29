'use server';

import { and, eq, inArray, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import type { Transaction } from '@/db/client';
import {
  APPROVAL_SUBJECT,
  RESERVATION_SUBJECT,
  approvalSubject,
  campaignReportRequestStatuses,
  findApprovalRequest,
  listReservations,
  loadRaci,
  outcomeOf,
  readCampaignReport,
  reservationSubject,
} from '@/db/queries/approvals';
import { findBaselineById, freezeBaseline, listBaselineItems } from '@/db/queries/baselines';
import { notify } from '@/db/queries/notifications';
import { nextRefNumber } from '@/db/queries/refs';
import { revoke, sign, standingSignatureOf } from '@/db/queries/signatures';
import {
  anomalies,
  approvalComments,
  approvalRequests,
  campaigns,
  raciAssignments,
  raciSettings,
  reservationAnomalies,
  reservations,
} from '@/db/schema';
import { projectAction, type AuditEntry } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { clientAddress } from '@/lib/http/client-address';
import { APPROVAL_NUMBER_SERIES, RESERVATION_NUMBER_SERIES, type DeliverableKind } from '@/lib/signoff/model';
import {
  approvalCommentRecipients,
  approvalDecidedRecipients,
  approvalRequestedRecipients,
  reservationRecipients,
} from '@/lib/notifications/recipients';
import { roleFits, type RaciResolution } from '@/lib/signoff/raci';
import { canLift } from '@/lib/signoff/reservations';
import { campaignReportRefusal } from '@/lib/signoff/campaign-report';
import { baselineInput, campaignReportRequestInput, commentInput, decisionInput, liftInput, raciInput, requestInput, revokeInput } from '@/lib/signoff/schema';

function revalidateProject(_data: unknown, input: { projectKey: string }) {
  revalidatePath(`/projects/${input.projectKey}`, 'layout');
}

async function requestAddress() {
  return clientAddress(await headers());
}

/** How a request is named in notices: its number and the baseline or campaign it is about. */
function requestNotice(request: {
  number: number;
  baselineNumber?: number | null;
  baselineName?: string | null;
  campaignNumber?: number | null;
  campaignName?: string | null;
}) {
  const subject = request.baselineNumber
    ? `LDB-${request.baselineNumber} ${request.baselineName ?? ''}`.trim()
    : request.campaignNumber
      ? `${request.campaignNumber}. ${request.campaignName ?? ''}`.trim()
      : '';
  return { path: `approvals/${request.number}`, params: { ref: `#${request.number}`, subject } };
}

/** The caller must be a Responsable of this deliverable under the project's RACI: its resolved RACI is returned. */
async function requesterRaci(tx: Transaction, projectId: string, userId: string, deliverable: DeliverableKind) {
  const raci = (await loadRaci(tx, projectId)).resolve(deliverable);
  if (!raci.requesters.includes(userId)) throw new ActionError('forbidden', 'notRequester');
  return raci;
}

/** A request of any deliverable, once its subject is checked: numbered, written, journalled and announced the same way. */
async function openRequest(
  tx: Transaction,
  opening: {
    projectId: string;
    actorId: string;
    audit: (entry: AuditEntry) => Promise<void>;
    raci: RaciResolution;
    values: Pick<typeof approvalRequests.$inferInsert, 'deliverable' | 'baselineId' | 'campaignId' | 'snapshot' | 'message'>;
    auditAfter: Record<string, unknown>;
    notice: Omit<Parameters<typeof requestNotice>[0], 'number'>;
  },
) {
  const { projectId, actorId, values } = opening;
  const number = await nextRefNumber(tx, projectId, APPROVAL_NUMBER_SERIES);
  const [request] = await tx
    .insert(approvalRequests)
    .values({ projectId, number, ...values, requestedBy: actorId })
    .returning({ id: approvalRequests.id });
  await opening.audit({ entity: 'approval_request', entityId: request!.id, action: 'request', after: { number, ...opening.auditAfter, message: values.message } });
  await notify(
    tx,
    { projectId, kind: 'approval_requested', actorId, ...requestNotice({ number, ...opening.notice }) },
    approvalRequestedRecipients(opening.raci, actorId),
  );
  return { number };
}

/** The caller must be an approver of this deliverable under the project's RACI. */
async function requireApprover(tx: Transaction, projectId: string, userId: string, deliverable: DeliverableKind) {
  const raci = await loadRaci(tx, projectId);
  if (!raci.resolve(deliverable).approvers.includes(userId)) throw new ActionError('forbidden', 'notApprover');
}

async function lockRequest(tx: Transaction, projectId: string, id: string) {
  const [row] = await tx
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.projectId, projectId), eq(approvalRequests.id, id)))
    .for('update');
  if (!row) throw new ActionError('not_found');
  return (await findApprovalRequest(tx, projectId, { id }))!;
}

/** A request's status follows its standing decisions (after a decision, or a decision revoked). */
async function settleRequest(tx: Transaction, projectId: string, request: { id: string; deliverable: DeliverableKind; status: string }) {
  const status = await outcomeOf(tx, projectId, request);
  if (status === request.status) return status;
  await tx
    .update(approvalRequests)
    .set({ status, decidedAt: status === 'pending' ? null : new Date(), revision: sql`${approvalRequests.revision} + 1` })
    .where(eq(approvalRequests.id, request.id));
  return status;
}

/** The owner sets who is Responsable, Approbateur, Consulté and Informé for one deliverable, and its quorum. */
export const setRaci = projectAction({
  name: 'setRaci',
  permission: 'project.manage',
  input: raciInput,
  async handler({ tx, input, membership, audit }) {
    const { projectId } = membership;
    const raci = await loadRaci(tx, projectId);
    const setting = raci.settingOf(input.deliverable);
    if (setting.revision !== input.revision) throw new ActionError('conflict', 'staleVersion');
    const roleOf = new Map(raci.members.map((m) => [m.userId, m.role]));
    const assignments = [...new Map(input.assignments.map((a) => [a.userId, a])).values()];
    for (const a of assignments) {
      const role = roleOf.get(a.userId);
      if (!role) throw new ActionError('not_found');
      if (!roleFits(role, a.raciRole)) throw new ActionError('invalid', 'invalid', { assignments: ['invalid'] });
    }
    const before = { quorum: setting.quorum, assignments: Object.fromEntries(raci.assignmentsOf(input.deliverable)) };
    // The revision is claimed in the write itself: of two saves from the same revision, the second waits on the
    // row, then finds it moved on and is a conflict (the read above alone would let both through).
    const [saved] = await tx
      .insert(raciSettings)
      .values({ projectId, deliverable: input.deliverable, quorum: input.quorum })
      .onConflictDoUpdate({
        target: [raciSettings.projectId, raciSettings.deliverable],
        set: { quorum: input.quorum, revision: sql`${raciSettings.revision} + 1` },
        setWhere: eq(raciSettings.revision, input.revision),
      })
      .returning({ revision: raciSettings.revision });
    if (!saved) throw new ActionError('conflict', 'staleVersion');
    await tx.delete(raciAssignments).where(and(eq(raciAssignments.projectId, projectId), eq(raciAssignments.deliverable, input.deliverable)));
    if (assignments.length > 0) {
      await tx.insert(raciAssignments).values(assignments.map((a) => ({ projectId, deliverable: input.deliverable, ...a })));
    }
    await audit({
      entity: 'raci',
      entityId: input.deliverable,
      action: 'set',
      before,
      after: { quorum: input.quorum, assignments: Object.fromEntries(assignments.map((a) => [a.userId, a.raciRole])) },
    });
    return { revision: saved.revision };
  },
  after: revalidateProject,
});

/** Freezes a baseline of chosen specifications and the requirements they trace to. */
export const createBaseline = projectAction({
  name: 'createBaseline',
  permission: 'specifications.write',
  input: baselineInput,
  async handler({ tx, actor, input, membership, audit }) {
    if (input.specificationIds.length === 0) throw new ActionError('invalid', 'baselineEmpty', { specificationIds: ['required'] });
    const frozen = await freezeBaseline(tx, {
      projectId: membership.projectId,
      name: input.name,
      specificationIds: input.specificationIds,
      actorId: actor.id,
    });
    if (frozen.specifications !== input.specificationIds.length) throw new ActionError('not_found');
    await audit({
      entity: 'baseline',
      entityId: frozen.baseline.id,
      action: 'create',
      after: { number: frozen.baseline.number, name: input.name, items: frozen.items },
    });
    return { number: frozen.baseline.number };
  },
  after: revalidateProject,
});

/** A Responsable asks the approvers to approve a baseline. */
export const requestBaselineApproval = projectAction({
  name: 'requestBaselineApproval',
  permission: 'approvals.request',
  input: requestInput,
  async handler({ tx, actor, input, membership, audit }) {
    const { projectId } = membership;
    const raci = await requesterRaci(tx, projectId, actor.id, 'baseline');
    const baseline = await findBaselineById(tx, projectId, input.baselineId);
    if (!baseline) throw new ActionError('not_found');
    // One request at a time per baseline; an approved baseline stays approved.
    const [open] = await tx
      .select({ status: approvalRequests.status })
      .from(approvalRequests)
      .where(and(eq(approvalRequests.baselineId, baseline.id), inArray(approvalRequests.status, ['pending', 'approved', 'approved_with_reservations'])))
      .for('update');
    if (open) throw new ActionError('conflict', open.status === 'pending' ? 'approvalPending' : 'approvalDecided');
    return openRequest(tx, {
      projectId,
      actorId: actor.id,
      audit,
      raci,
      values: { deliverable: 'baseline', baselineId: baseline.id, message: input.message },
      auditAfter: { baseline: baseline.number },
      notice: { baselineNumber: baseline.number, baselineName: baseline.name },
    });
  },
  after: revalidateProject,
});

/**
 * A Responsable asks the approvers to approve a closed campaign's report. The report is frozen into the request
 * there and then: what the approvers review and sign, and what its PV prints, is that content, whatever happens
 * to the campaign's anomalies afterwards.
 */
export const requestCampaignReportApproval = projectAction({
  name: 'requestCampaignReportApproval',
  permission: 'approvals.request',
  input: campaignReportRequestInput,
  async handler({ tx, actor, input, membership, audit }) {
    const { projectId } = membership;
    const raci = await requesterRaci(tx, projectId, actor.id, 'campaign_report');
    // The campaign's row is locked so that no other request for it (nor a reopening) slips in beside this one.
    const [campaign] = await tx
      .select({ id: campaigns.id, number: campaigns.number, name: campaigns.name, status: campaigns.status })
      .from(campaigns)
      .where(and(eq(campaigns.projectId, projectId), eq(campaigns.id, input.campaignId)))
      .for('update');
    if (!campaign) throw new ActionError('not_found');
    const refusal = campaignReportRefusal(campaign.status, await campaignReportRequestStatuses(tx, campaign.id));
    if (refusal) throw new ActionError('conflict', refusal);
    const snapshot = (await readCampaignReport(tx, projectId, campaign.id))!;
    return openRequest(tx, {
      projectId,
      actorId: actor.id,
      audit,
      raci,
      values: { deliverable: 'campaign_report', campaignId: campaign.id, snapshot, message: input.message },
      auditAfter: { campaign: campaign.number, counts: snapshot.counts, anomalies: snapshot.anomalies.length },
      notice: { campaignNumber: campaign.number, campaignName: campaign.name },
    });
  },
  after: revalidateProject,
});

/** Any member comments on a request, overall or on one of its items. */
export const commentOnApproval = projectAction({
  name: 'commentOnApproval',
  permission: 'project.comment',
  input: commentInput,
  async handler({ tx, actor, input, membership, audit }) {
    const request = await findApprovalRequest(tx, membership.projectId, { id: input.requestId });
    if (!request) throw new ActionError('not_found');
    if (input.itemKey) {
      // Only a baseline has items to comment on one by one; a campaign report is commented on as a whole.
      const [kind, itemId] = input.itemKey.split(':') as [string, string];
      const items = request.baselineId ? await listBaselineItems(tx, request.baselineId) : [];
      if (!items.some((i) => i.kind === kind && i.itemId === itemId)) throw new ActionError('not_found');
    }
    const [comment] = await tx
      .insert(approvalComments)
      .values({ requestId: request.id, itemKey: input.itemKey, body: input.body, authorId: actor.id })
      .returning({ id: approvalComments.id });
    await audit({ entity: 'approval_comment', entityId: comment!.id, action: 'create', after: { request: request.number, itemKey: input.itemKey, body: input.body } });
    const raci = (await loadRaci(tx, membership.projectId)).resolve(request.deliverable);
    await notify(
      tx,
      { projectId: membership.projectId, kind: 'approval_comment', actorId: actor.id, ...requestNotice(request) },
      approvalCommentRecipients(raci, request.requestedBy, actor.id),
    );
    return { id: comment!.id };
  },
  after: revalidateProject,
});

/**
 * An approver decides on a request — approuver, approuver avec réserves (creating the reservations), rejeter — and
 * signs it: password re-entered, the content they were shown unchanged. The request's status follows the quorum.
 */
export const decideApproval = projectAction({
  name: 'decideApproval',
  permission: 'approvals.decide',
  input: decisionInput,
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const { projectId } = membership;
    const request = await lockRequest(tx, projectId, input.requestId);
    await requireApprover(tx, projectId, actor.id, request.deliverable);
    // A repeated submission (double click, a retry after a lost answer) finds the signature already given.
    const given = await standingSignatureOf(tx, APPROVAL_SUBJECT, request.id, actor.id);
    if (given) {
      nothingChanged();
      return { number: request.number, status: request.status, signatureId: given.id };
    }
    if (request.status !== 'pending') throw new ActionError('conflict', 'approvalDecided');
    // What the reservations name must be the project's: checked before anything is signed.
    const raci = await loadRaci(tx, projectId);
    const memberIds = new Set(raci.members.map((m) => m.userId));
    if (input.reservations.some((r) => !memberIds.has(r.ownerId))) throw new ActionError('not_found');
    const anomalyIds = [...new Set(input.reservations.flatMap((r) => r.anomalyIds))];
    if (anomalyIds.length > 0) {
      const found = await tx
        .select({ id: anomalies.id })
        .from(anomalies)
        .where(
          and(
            eq(anomalies.projectId, projectId),
            inArray(anomalies.id, anomalyIds),
            // A reservation on a campaign report is about that campaign's anomalies.
            request.campaignId ? eq(anomalies.campaignId, request.campaignId) : undefined,
          ),
        );
      if (found.length !== anomalyIds.length) throw new ActionError('not_found');
    }

    const { signature, created } = await sign(tx, {
      actor,
      membership,
      password: input.password,
      address: await requestAddress(),
      meaning: input.decision,
      reason: input.reason,
      subject: await approvalSubject(tx, projectId, request),
      seen: { version: input.shownVersion, hash: input.shownHash },
      audit,
    });
    if (!created) {
      nothingChanged();
      return { number: request.number, status: request.status, signatureId: signature.id };
    }
    for (const reservation of input.reservations) {
      const number = await nextRefNumber(tx, projectId, RESERVATION_NUMBER_SERIES);
      const [row] = await tx
        .insert(reservations)
        .values({ projectId, number, requestId: request.id, text: reservation.text, ownerId: reservation.ownerId, dueDate: reservation.dueDate })
        .returning({ id: reservations.id });
      if (reservation.anomalyIds.length > 0) {
        await tx.insert(reservationAnomalies).values([...new Set(reservation.anomalyIds)].map((anomalyId) => ({ reservationId: row!.id, anomalyId })));
      }
      await audit({ entity: 'reservation', entityId: row!.id, action: 'create', after: { number, request: request.number, ...reservation } });
      await notify(
        tx,
        {
          projectId,
          kind: 'reservation_raised',
          actorId: actor.id,
          path: `approvals/${request.number}`,
          params: { ref: `#${number}`, subject: reservation.text.slice(0, 120), due: reservation.dueDate ?? '—' },
        },
        reservationRecipients(raci.resolve('reservation_lifting'), reservation.ownerId, request.requestedBy, actor.id),
      );
    }
    const status = await settleRequest(tx, projectId, request);
    await audit({ entity: 'approval_request', entityId: request.id, action: 'decide', before: { status: request.status }, after: { status, decision: input.decision, signature: signature.id } });
    if (status !== request.status) {
      const notice = requestNotice(request);
      await notify(
        tx,
        { projectId, kind: 'approval_decided', actorId: actor.id, path: notice.path, params: { ...notice.params, status } },
        approvalDecidedRecipients(raci.resolve(request.deliverable), request.requestedBy, actor.id),
      );
    }
    return { number: request.number, status, signatureId: signature.id };
  },
  after: revalidateProject,
});

/** An approver lifts a reservation whose anomalies are closed, with a signature (the PV de levée). */
export const liftReservation = projectAction({
  name: 'liftReservation',
  permission: 'approvals.decide',
  input: liftInput,
  async handler({ tx, actor, input, membership, audit }) {
    const { projectId } = membership;
    const [locked] = await tx
      .select({ id: reservations.id })
      .from(reservations)
      .where(and(eq(reservations.projectId, projectId), eq(reservations.id, input.reservationId)))
      .for('update');
    if (!locked) throw new ActionError('not_found');
    await requireApprover(tx, projectId, actor.id, 'reservation_lifting');
    const reservation = (await listReservations(tx, projectId)).find((r) => r.id === locked.id)!;
    if (reservation.status !== 'open') throw new ActionError('conflict', 'reservationLifted');
    if (!canLift(reservation.status, reservation.anomalies.map((a) => a.status))) throw new ActionError('conflict', 'reservationNotLiftable');
    const { signature } = await sign(tx, {
      actor,
      membership,
      password: input.password,
      address: await requestAddress(),
      meaning: 'reservation_lifted',
      reason: input.reason,
      subject: reservationSubject(reservation),
      seen: { version: input.shownVersion, hash: input.shownHash },
      audit,
    });
    await tx
      .update(reservations)
      .set({ status: 'lifted', liftedAt: new Date(), revision: sql`${reservations.revision} + 1` })
      .where(eq(reservations.id, reservation.id));
    await audit({ entity: 'reservation', entityId: reservation.id, action: 'lift', before: { status: 'open' }, after: { status: 'lifted', signature: signature.id } });
    const [people] = await tx
      .select({ ownerId: reservations.ownerId, requestedBy: approvalRequests.requestedBy })
      .from(reservations)
      .innerJoin(approvalRequests, eq(approvalRequests.id, reservations.requestId))
      .where(eq(reservations.id, reservation.id));
    await notify(
      tx,
      { projectId, kind: 'reservation_lifted', actorId: actor.id, path: `approvals/${reservation.requestNumber}`, params: { ref: `#${reservation.number}` } },
      reservationRecipients((await loadRaci(tx, projectId)).resolve('reservation_lifting'), people?.ownerId, people?.requestedBy, actor.id),
    );
    return { number: reservation.number, signatureId: signature.id };
  },
  after: revalidateProject,
});

/** The signer revokes their own signature, with a reason and their password; a decided request is settled again. */
export const revokeSignature = projectAction({
  name: 'revokeSignature',
  permission: 'approvals.decide',
  input: revokeInput,
  async handler({ tx, actor, input, membership, audit }) {
    const original = await revoke(tx, {
      actor,
      membership,
      password: input.password,
      address: await requestAddress(),
      signatureId: input.signatureId,
      reason: input.reason,
      audit,
    });
    if (original.subjectKind === APPROVAL_SUBJECT) {
      const request = await lockRequest(tx, membership.projectId, original.subjectId);
      await settleRequest(tx, membership.projectId, request);
    }
    if (original.subjectKind === RESERVATION_SUBJECT) {
      await tx
        .update(reservations)
        .set({ status: 'open', liftedAt: null, revision: sql`${reservations.revision} + 1` })
        .where(and(eq(reservations.id, original.subjectId), eq(reservations.projectId, membership.projectId)));
    }
    return { signatureId: original.id };
  },
  after: revalidateProject,
});
