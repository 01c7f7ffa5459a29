import { eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { listReservations, readCampaignReport, reservationSubject } from '@/db/queries/approvals';
import { nextRefNumber } from '@/db/queries/refs';
import { approvalRequests, baselineItems, baselines, reservationAnomalies, reservations, signatures, specifications } from '@/db/schema';
import { contentHash } from '@/lib/signoff/canonical';
import { APPROVAL_NUMBER_SERIES, BASELINE_NUMBER_SERIES, RESERVATION_NUMBER_SERIES, type ApprovalStatus } from '@/lib/signoff/model';

/**
 * Sign-off rows written directly (a baseline of given specifications, a request in a given state, a reservation),
 * for tests whose subject is what comes after them.
 */
export async function createBaselineRow(project: { id: string }, specificationIds: string[], options: { name?: string } = {}, db: Executor = getDb()) {
  const number = await nextRefNumber(db, project.id, BASELINE_NUMBER_SERIES);
  const [baseline] = await db
    .insert(baselines)
    .values({ projectId: project.id, number, name: options.name ?? `Ligne de base ${number}` })
    .returning({ id: baselines.id, number: baselines.number });
  for (const id of specificationIds) {
    const [spec] = await db.select().from(specifications).where(eq(specifications.id, id));
    await db.insert(baselineItems).values({
      baselineId: baseline!.id,
      kind: 'specification',
      itemId: spec!.id,
      number: spec!.number,
      version: spec!.version,
      snapshot: { title: spec!.title, body: spec!.body, category: spec!.category, status: spec!.status },
    });
  }
  return baseline!;
}

export async function createApprovalRequestRow(
  project: { id: string },
  baseline: { id: string },
  options: { status?: ApprovalStatus; requestedBy?: string; message?: string } = {},
  db: Executor = getDb(),
) {
  const number = await nextRefNumber(db, project.id, APPROVAL_NUMBER_SERIES);
  const [row] = await db
    .insert(approvalRequests)
    .values({
      projectId: project.id,
      number,
      deliverable: 'baseline',
      baselineId: baseline.id,
      message: options.message ?? 'Merci de valider cette ligne de base.',
      status: options.status ?? 'pending',
      requestedBy: options.requestedBy ?? null,
      decidedAt: options.status && options.status !== 'pending' ? new Date() : null,
    })
    .returning({ id: approvalRequests.id, number: approvalRequests.number, revision: approvalRequests.revision });
  return row!;
}

/** A request for a (closed) campaign's report, its content frozen as the request action freezes it. */
export async function createCampaignReportRequestRow(
  project: { id: string },
  campaign: { id: string },
  options: { status?: ApprovalStatus; requestedBy?: string; message?: string } = {},
  db: Executor = getDb(),
) {
  const snapshot = (await readCampaignReport(db, project.id, campaign.id))!;
  const number = await nextRefNumber(db, project.id, APPROVAL_NUMBER_SERIES);
  const [row] = await db
    .insert(approvalRequests)
    .values({
      projectId: project.id,
      number,
      deliverable: 'campaign_report',
      campaignId: campaign.id,
      snapshot,
      message: options.message ?? 'Merci de signer le PV de recette de la campagne.',
      status: options.status ?? 'pending',
      requestedBy: options.requestedBy ?? null,
      decidedAt: options.status && options.status !== 'pending' ? new Date() : null,
    })
    .returning({ id: approvalRequests.id, number: approvalRequests.number, revision: approvalRequests.revision });
  return row!;
}

export async function createReservationRow(
  project: { id: string },
  request: { id: string },
  options: { ownerId?: string; dueDate?: string; anomalyIds?: string[]; text?: string } = {},
  db: Executor = getDb(),
) {
  const number = await nextRefNumber(db, project.id, RESERVATION_NUMBER_SERIES);
  const [row] = await db
    .insert(reservations)
    .values({
      projectId: project.id,
      number,
      requestId: request.id,
      text: options.text ?? 'Corriger le calcul des congés avant la mise en production.',
      ownerId: options.ownerId ?? null,
      dueDate: options.dueDate ?? '2026-04-30',
    })
    .returning({ id: reservations.id, number: reservations.number, revision: reservations.revision });
  if (options.anomalyIds?.length) {
    await db.insert(reservationAnomalies).values(options.anomalyIds.map((anomalyId) => ({ reservationId: row!.id, anomalyId })));
  }
  return row!;
}

/** A signature of `signer` on a subject of its own (what revoking needs), written directly; its id. */
export async function createSignatureRow(project: { id: string }, signer: { id: string; name: string }, db: Executor = getDb()) {
  const content = { note: 'signé dans un test' };
  const [row] = await db
    .insert(signatures)
    .values({
      projectId: project.id,
      signerId: signer.id,
      signerName: signer.name,
      signerRole: 'moa',
      meaning: 'reviewed',
      subjectKind: 'test_subject',
      subjectId: crypto.randomUUID(),
      subjectVersion: 1,
      content,
      contentHash: contentHash(content),
    })
    .returning({ id: signatures.id });
  return row!.id;
}

/**
 * A reservation lifted by `signer` (MOA), as liftReservation leaves it: on a decided request of an empty baseline,
 * its lifting signature holding the content the review page showed. For the routes of its PV de levée.
 */
export async function createLiftedReservationRow(project: { id: string }, signer: { id: string; name: string }, db: Executor = getDb()) {
  const baseline = await createBaselineRow(project, [], { name: 'LDB levée' }, db);
  const request = await createApprovalRequestRow(project, baseline, { status: 'approved_with_reservations' }, db);
  const reservation = await createReservationRow(project, request, { ownerId: signer.id, text: 'Réserve levée dans un test' }, db);
  const shown = (await listReservations(db, project.id, request.id))[0]!;
  const subject = reservationSubject(shown);
  await db.insert(signatures).values({
    projectId: project.id,
    signerId: signer.id,
    signerName: signer.name,
    signerRole: 'moa',
    meaning: 'reservation_lifted',
    reason: 'Levée dans un test',
    subjectKind: subject.kind,
    subjectId: subject.id,
    subjectVersion: subject.version,
    content: subject.content,
    contentHash: contentHash(subject.content),
  });
  await db.update(reservations).set({ status: 'lifted', liftedAt: new Date(), revision: 2 }).where(eq(reservations.id, reservation.id));
  return reservation;
}
