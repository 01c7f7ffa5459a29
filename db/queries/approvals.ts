import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Executor } from '@/db/client';
import { findBaselineById, listBaselineItems } from '@/db/queries/baselines';
import { anomalyEvidence } from '@/db/queries/reservation-evidence';
import { signable, type SignatureSubject } from '@/db/queries/signatures';
import {
  anomalies,
  approvalComments,
  approvalRequests,
  baselines,
  campaigns,
  projectMembers,
  projects,
  raciAssignments,
  raciSettings,
  reservationAnomalies,
  reservations,
  signatures,
  users,
} from '@/db/schema';
import { baselineApprovalContent } from '@/lib/signoff/baseline';
import { campaignReportApprovalContent, type CampaignReportSnapshot } from '@/lib/signoff/campaign-report';
export { readCampaignReport } from '@/db/campaign-report-freeze';
import { APPROVAL_DECISIONS, type ApprovalDecision, type DeliverableKind, type RaciRole } from '@/lib/signoff/model';
import { approvalOutcome, resolveRaci, type RaciResolution } from '@/lib/signoff/raci';
import type { LiftingContent } from '@/lib/signoff/lifting';
import type { ReservationView } from '@/lib/signoff/views';

/** The subject kinds signatures of this module name. */
export const APPROVAL_SUBJECT = 'approval_request';
export const RESERVATION_SUBJECT = 'reservation';

/**
 * Every deliverable's RACI of a project: members, assignments and quorums in three statements. Cached per render
 * (the project layout's inbox and the page share one read); outside a render — actions and their transactions —
 * React's cache keeps nothing, so a write is always followed by a fresh read.
 */
export const loadRaci = cache(async (db: Executor, projectId: string) => {
  const [members, assignments, settings] = await Promise.all([
    db
      .select({ userId: projectMembers.userId, role: projectMembers.role, name: users.name })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(eq(projectMembers.projectId, projectId))
      .orderBy(asc(users.name)),
    db
      .select({ deliverable: raciAssignments.deliverable, userId: raciAssignments.userId, raciRole: raciAssignments.raciRole })
      .from(raciAssignments)
      .where(eq(raciAssignments.projectId, projectId)),
    db
      .select({ deliverable: raciSettings.deliverable, quorum: raciSettings.quorum, revision: raciSettings.revision })
      .from(raciSettings)
      .where(eq(raciSettings.projectId, projectId)),
  ]);
  const resolve = (deliverable: DeliverableKind): RaciResolution => {
    const setting = settings.find((s) => s.deliverable === deliverable);
    return resolveRaci(
      members,
      assignments.filter((a) => a.deliverable === deliverable),
      setting?.quorum ?? null,
    );
  };
  const assignmentsOf = (deliverable: DeliverableKind): Map<string, RaciRole> =>
    new Map(assignments.filter((a) => a.deliverable === deliverable).map((a) => [a.userId, a.raciRole]));
  const settingOf = (deliverable: DeliverableKind) => settings.find((s) => s.deliverable === deliverable) ?? { quorum: null, revision: 0 };
  return { members, resolve, assignmentsOf, settingOf };
});

const requestColumns = {
  id: approvalRequests.id,
  number: approvalRequests.number,
  deliverable: approvalRequests.deliverable,
  baselineId: approvalRequests.baselineId,
  message: approvalRequests.message,
  status: approvalRequests.status,
  requestedAt: approvalRequests.requestedAt,
  decidedAt: approvalRequests.decidedAt,
  revision: approvalRequests.revision,
  requestedBy: approvalRequests.requestedBy,
  requestedByName: users.name,
  baselineNumber: baselines.number,
  baselineName: baselines.name,
  campaignId: approvalRequests.campaignId,
  campaignNumber: campaigns.number,
  campaignName: campaigns.name,
};

export async function findApprovalRequest(db: Executor, projectId: string, by: { number: number } | { id: string }) {
  const [row] = await db
    .select({ ...requestColumns, snapshot: approvalRequests.snapshot })
    .from(approvalRequests)
    .leftJoin(users, eq(users.id, approvalRequests.requestedBy))
    .leftJoin(baselines, eq(baselines.id, approvalRequests.baselineId))
    .leftJoin(campaigns, eq(campaigns.id, approvalRequests.campaignId))
    .where(
      and(
        eq(approvalRequests.projectId, projectId),
        'number' in by ? eq(approvalRequests.number, by.number) : eq(approvalRequests.id, by.id),
      ),
    );
  return row ?? null;
}

export type ApprovalRequestRow = NonNullable<Awaited<ReturnType<typeof findApprovalRequest>>>;

/** Every request of the project, newest first, with how many signatures it has (revoked ones left out). */
export async function listApprovalRequests(db: Executor, projectId: string) {
  return db
    .select({
      ...requestColumns,
      signed: sql<number>`(select count(*)::int from ${signatures} s where s.subject_kind = ${APPROVAL_SUBJECT}
        and s.subject_id = ${approvalRequests.id}::text and s.meaning <> 'revoked'
        and not exists (select 1 from ${signatures} r where r.revokes_id = s.id))`,
    })
    .from(approvalRequests)
    .leftJoin(users, eq(users.id, approvalRequests.requestedBy))
    .leftJoin(baselines, eq(baselines.id, approvalRequests.baselineId))
    .leftJoin(campaigns, eq(campaigns.id, approvalRequests.campaignId))
    .where(eq(approvalRequests.projectId, projectId))
    .orderBy(desc(approvalRequests.number));
}

/**
 * What approving a request signs: the request and, for a baseline, the baseline's content in full; for a campaign
 * report, the report frozen when approval was asked.
 */
export async function approvalSubject(
  db: Executor,
  projectId: string,
  request: Pick<ApprovalRequestRow, 'id' | 'number' | 'deliverable' | 'baselineId' | 'message'> & { snapshot?: CampaignReportSnapshot | null },
): Promise<SignatureSubject> {
  if (request.deliverable === 'campaign_report') {
    // A request read from the list carries no snapshot (too heavy for a list): read it then.
    const snapshot = request.snapshot ?? (await findApprovalRequest(db, projectId, { id: request.id }))?.snapshot;
    if (!snapshot) throw new Error(`approval request ${request.id} has no campaign report`);
    return campaignReportSubjectOf(request, snapshot);
  }
  const baseline = request.baselineId ? await findBaselineById(db, projectId, request.baselineId) : null;
  if (!baseline) throw new Error(`approval request ${request.id} has no baseline`);
  // A baseline never changes: its approval request has one version.
  const content = baselineApprovalContent(request, baseline, await listBaselineItems(db, baseline.id));
  return { kind: APPROVAL_SUBJECT, id: request.id, version: 1, content };
}

/** What the review pages keep of each request's signable subject: a bounded memo (request ids are never reused). */
const shownSignables = new Map<string, { version: number; hash: string }>();
const SHOWN_SIGNABLES_KEPT = 1000;

/**
 * The version and hash a request's review page shows with what it asks to sign, computed once per server process.
 * A request's subject never changes (migration 0024's trigger freezes the request's number, message and subject;
 * baselines and their items are append-only), so hashing the whole baseline again at every view bought nothing.
 * Only the page's figure is kept: `sign` recomputes the content from the database at every signature and refuses a
 * hash that differs, so a row altered behind the triggers is still never signed.
 */
export async function shownSignable(
  db: Executor,
  projectId: string,
  request: Parameters<typeof approvalSubject>[2],
): Promise<{ version: number; hash: string }> {
  const known = shownSignables.get(request.id);
  if (known) return known;
  const seen = signable(await approvalSubject(db, projectId, request));
  if (shownSignables.size >= SHOWN_SIGNABLES_KEPT) shownSignables.delete(shownSignables.keys().next().value!);
  shownSignables.set(request.id, seen);
  return seen;
}

/** The subject of a campaign report's request: its frozen content never changes, so it has one version. */
export function campaignReportSubjectOf(request: Pick<ApprovalRequestRow, 'id' | 'number' | 'deliverable' | 'message'>, snapshot: CampaignReportSnapshot): SignatureSubject {
  return { kind: APPROVAL_SUBJECT, id: request.id, version: 1, content: campaignReportApprovalContent(request, snapshot) };
}

/** The standing decisions on requests (signatures not revoked), by request. */
export async function standingDecisions(db: Executor, requestIds: string[]) {
  if (requestIds.length === 0) return new Map<string, { userId: string; decision: ApprovalDecision }[]>();
  const rows = await db
    .select({ subjectId: signatures.subjectId, userId: signatures.signerId, meaning: signatures.meaning })
    .from(signatures)
    .where(
      and(
        eq(signatures.subjectKind, APPROVAL_SUBJECT),
        inArray(signatures.subjectId, requestIds),
        inArray(signatures.meaning, [...APPROVAL_DECISIONS]),
        sql`not exists (select 1 from ${signatures} r where r.revokes_id = ${signatures.id})`,
      ),
    );
  const out = new Map<string, { userId: string; decision: ApprovalDecision }[]>();
  for (const row of rows) {
    // An imported signature whose signer has no account here is history, not a standing decision of anyone here.
    if (row.userId === null) continue;
    const list = out.get(row.subjectId) ?? [];
    list.push({ userId: row.userId, decision: row.meaning as ApprovalDecision });
    out.set(row.subjectId, list);
  }
  return out;
}

/** The state a request's standing decisions give under its RACI. */
export async function outcomeOf(db: Executor, projectId: string, request: { id: string; deliverable: DeliverableKind }) {
  const raci = await loadRaci(db, projectId);
  const decisions = (await standingDecisions(db, [request.id])).get(request.id) ?? [];
  return approvalOutcome(decisions, raci.resolve(request.deliverable));
}

/**
 * The "À approuver" inbox of one person: the pending requests they are an approver of and have not signed yet.
 * Three statements whatever the number of requests (RACI, pending requests, their standing decisions).
 */
export async function inboxFor(db: Executor, projectId: string, userId: string) {
  const raci = await loadRaci(db, projectId);
  const pending = (await listApprovalRequests(db, projectId)).filter((r) => r.status === 'pending');
  const decisions = await standingDecisions(db, pending.map((r) => r.id));
  return pending.filter(
    (r) => raci.resolve(r.deliverable).approvers.includes(userId) && !(decisions.get(r.id) ?? []).some((d) => d.userId === userId),
  );
}

export async function listComments(db: Executor, requestId: string) {
  return db
    .select({ id: approvalComments.id, itemKey: approvalComments.itemKey, body: approvalComments.body, createdAt: approvalComments.createdAt, authorName: users.name })
    .from(approvalComments)
    .leftJoin(users, eq(users.id, approvalComments.authorId))
    .where(eq(approvalComments.requestId, requestId))
    .orderBy(asc(approvalComments.createdAt), asc(approvalComments.id));
}

/** Reservations of a project (or of one request), each with its anomalies' refs and states, oldest due first. */
export async function listReservations(db: Executor, projectId: string, requestId?: string): Promise<ReservationView[]> {
  const rows = await db
    .select({
      id: reservations.id,
      number: reservations.number,
      requestId: reservations.requestId,
      requestNumber: approvalRequests.number,
      requestDeliverable: approvalRequests.deliverable,
      baselineNumber: baselines.number,
      baselineName: baselines.name,
      projectKey: projects.key,
      projectName: projects.name,
      projectClient: projects.client,
      text: reservations.text,
      ownerId: reservations.ownerId,
      ownerName: users.name,
      dueDate: reservations.dueDate,
      status: reservations.status,
      liftedAt: reservations.liftedAt,
      revision: reservations.revision,
    })
    .from(reservations)
    .innerJoin(approvalRequests, eq(approvalRequests.id, reservations.requestId))
    .innerJoin(projects, eq(projects.id, reservations.projectId))
    .leftJoin(baselines, eq(baselines.id, approvalRequests.baselineId))
    .leftJoin(users, eq(users.id, reservations.ownerId))
    .where(and(eq(reservations.projectId, projectId), requestId ? eq(reservations.requestId, requestId) : undefined))
    .orderBy(asc(reservations.status), asc(reservations.dueDate), asc(reservations.number));
  const links = rows.length
    ? await db
        .select({
          reservationId: reservationAnomalies.reservationId,
          id: anomalies.id,
          number: anomalies.number,
          status: anomalies.status,
          title: anomalies.title,
          severity: anomalies.severity,
        })
        .from(reservationAnomalies)
        .innerJoin(anomalies, eq(anomalies.id, reservationAnomalies.anomalyId))
        .where(inArray(reservationAnomalies.reservationId, rows.map((r) => r.id)))
        .orderBy(asc(anomalies.number))
    : [];
  const evidence = await anomalyEvidence(db, [...new Set(links.map((l) => l.id))]);
  return rows.map((r) => ({
    ...r,
    anomalies: links.filter((l) => l.reservationId === r.id).map((l) => ({ ...l, ...(evidence.get(l.id) ?? { closed: null, retest: null }) })),
  }));
}

export type ReservationRow = ReservationView;

/**
 * What lifting a reservation signs, and all its PV de levée prints: the project and client, the request and
 * baseline it came from, the reservation with its owner, and each anomaly with its closure and last retest. Signed
 * content is stored with the signature (append-only), so the PV regenerated later reads this, never today's rows.
 */
export function reservationSubject(reservation: ReservationRow): SignatureSubject {
  const content: LiftingContent = {
    project: { key: reservation.projectKey, name: reservation.projectName, client: reservation.projectClient },
    approval: {
      number: reservation.requestNumber,
      deliverable: reservation.requestDeliverable,
      baseline: reservation.baselineNumber === null ? null : { number: reservation.baselineNumber, name: reservation.baselineName ?? '' },
    },
    reservation: { number: reservation.number, request: reservation.requestNumber, text: reservation.text, owner: reservation.ownerName, dueDate: reservation.dueDate },
    anomalies: reservation.anomalies.map((a) => ({
      number: a.number,
      status: a.status,
      title: a.title,
      severity: a.severity,
      closed: a.closed,
      retest: a.retest,
    })),
  };
  return { kind: RESERVATION_SUBJECT, id: reservation.id, version: reservation.revision, content };
}

/** Anomalies a reservation can be linked to: the project's still open ones, by number (capped like a picker). */
export async function openAnomalyOptions(db: Executor, projectId: string, limit = 200) {
  return db
    .select({ id: anomalies.id, number: anomalies.number, title: anomalies.title, severity: anomalies.severity })
    .from(anomalies)
    .where(and(eq(anomalies.projectId, projectId), sql`${anomalies.status} not in ('closed', 'rejected')`))
    .orderBy(asc(anomalies.number))
    .limit(limit);
}

/** The statuses of every approval request ever made for a campaign's report (locked: the caller is about to add one). */
export async function campaignReportRequestStatuses(tx: Executor, campaignId: string) {
  const rows = await tx
    .select({ status: approvalRequests.status })
    .from(approvalRequests)
    .where(eq(approvalRequests.campaignId, campaignId))
    .for('update');
  return rows.map((r) => r.status);
}

/** The latest approval request of a campaign's report, if any (the campaign page links to it). */
export async function latestCampaignReportRequest(db: Executor, projectId: string, campaignId: string) {
  const [row] = await db
    .select({ number: approvalRequests.number, status: approvalRequests.status })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.projectId, projectId), eq(approvalRequests.campaignId, campaignId)))
    .orderBy(desc(approvalRequests.number))
    .limit(1);
  return row ?? null;
}

/** Anomalies a reservation on a campaign report can be linked to: that campaign's still open ones. */
export async function openCampaignAnomalyOptions(db: Executor, projectId: string, campaignId: string, limit = 200) {
  return db
    .select({ id: anomalies.id, number: anomalies.number, title: anomalies.title, severity: anomalies.severity })
    .from(anomalies)
    .where(and(eq(anomalies.projectId, projectId), eq(anomalies.campaignId, campaignId), sql`${anomalies.status} not in ('closed', 'rejected')`))
    .orderBy(asc(anomalies.number))
    .limit(limit);
}
