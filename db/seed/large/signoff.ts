import { freezeBaselineItems } from '@/db/baseline-freeze';
import {
  approvalComments,
  approvalRequests,
  auditEvents,
  baselines,
  raciAssignments,
  raciSettings,
  refCounters,
  reservationAnomalies,
  reservations,
} from '@/db/schema';
import { APPROVAL_NUMBER_SERIES, BASELINE_NUMBER_SERIES, DELIVERABLE_KINDS, RESERVATION_NUMBER_SERIES } from '@/lib/signoff/model';
import { signSeededRequest } from '../demo-signoff';
import type { Generator } from './context';

/**
 * The large project's sign-off, from the plan: RACI, two frozen baselines of the first lot (set-based, through the
 * freezing the baseline action uses), three requests (two decided and signed, one pending), their comments and the
 * first request's reservations on open anomalies.
 */
export const signoffGenerator: Generator = {
  name: 'lignes de base et approbations',
  async run({ tx, plan, largeProjectId: projectId }) {
    const { raci, baselines: planned, requests, comments, reservations: planReservations } = plan.signoff;
    await tx.insert(raciAssignments).values(raci.map((r) => ({ projectId, ...r })));
    await tx.insert(raciSettings).values(DELIVERABLE_KINDS.map((deliverable) => ({ projectId, deliverable, quorum: null })));
    await tx.insert(baselines).values(planned.map(({ id, number, name, createdBy, createdAt }) => ({ id, projectId, number, name, createdBy, createdAt })));
    for (const b of planned) {
      await freezeBaselineItems(tx, { baselineId: b.id, projectId, specificationIds: b.specificationIds, firstVersions: b.firstVersions });
    }
    await tx.insert(approvalRequests).values(
      requests.map(({ id, number, baselineId, message, status, requestedBy, requestedAt, decidedAt }) => ({
        id,
        projectId,
        number,
        deliverable: 'baseline' as const,
        baselineId,
        message,
        status,
        requestedBy,
        requestedAt,
        decidedAt,
      })),
    );
    const moa = plan.people.find((p) => p.role === 'moa')!;
    for (const request of requests) {
      if (!request.decision || request.status === 'pending') continue;
      const baseline = planned.find((b) => b.id === request.baselineId)!;
      await signSeededRequest(tx, {
        projectId,
        request: { ...request, deliverable: 'baseline' },
        baseline,
        signerId: request.decision.signerId,
        signerRole: request.decision.signerId === moa.id ? 'moa' : 'owner',
        signedAt: request.decidedAt!,
        meaning: request.status,
        reason: request.decision.reason,
      });
    }
    await tx.insert(approvalComments).values(comments);
    if (planReservations.length) {
      await tx.insert(reservations).values(planReservations.map(({ anomalyIds: _a, ...r }) => ({ ...r, projectId })));
      await tx.insert(reservationAnomalies).values(planReservations.flatMap((r) => r.anomalyIds.map((anomalyId) => ({ reservationId: r.id, anomalyId }))));
    }
    await tx.insert(refCounters).values([
      { projectId, prefix: BASELINE_NUMBER_SERIES, lastNumber: planned.length },
      { projectId, prefix: APPROVAL_NUMBER_SERIES, lastNumber: requests.length },
      { projectId, prefix: RESERVATION_NUMBER_SERIES, lastNumber: planReservations.length },
    ]);
    await tx.insert(auditEvents).values([
      ...planned.map((b) => ({ actorId: b.createdBy, projectId, entity: 'baseline', entityId: b.id, action: 'create', after: { number: b.number, name: b.name } })),
      ...requests.map((r) => ({ actorId: r.requestedBy, projectId, entity: 'approval_request', entityId: r.id, action: 'request', after: { number: r.number } })),
    ]);
    return {
      baselines: planned.length,
      'approval requests': requests.length,
      signatures: requests.filter((r) => r.decision).length,
      comments: comments.length,
      reservations: planReservations.length,
    };
  },
};
