import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { anomalies, anomalyEvents, anomalyExecutions } from '@/db/schema';
import { ActionError } from '@/lib/actions/result';
import { PROJECT_ROLES, type ProjectRole } from '@/lib/auth/roles';
import type { AnomalyStatus } from '@/lib/recette/anomaly-model';
import { canTransition, transitionNeedsReason } from '@/lib/recette/anomaly-workflow';
import { noticeAnomalyToRetest } from './anomaly-notices';

export interface TransitionRequest {
  projectId: string;
  anomalyId: string;
  to: AnomalyStatus;
  role: ProjectRole;
  actorId: string;
  reason: string;
  /** The revision the person saw; null when the move is confirmed from a retest (checked against the status). */
  revision: number | null;
  /** The retest execution that decided this move, linked to the anomaly. */
  executionId?: string;
}

/**
 * The one place an anomaly's status moves, whether from its own page or from a retest in the runner: role rules,
 * reasons, the concurrency token, the anomaly's history and the link to the deciding execution.
 * Returns the before/after the caller writes in its audit row.
 */
export async function applyAnomalyTransition(tx: Transaction, request: TransitionRequest) {
  const [current] = await tx
    .select({ status: anomalies.status, revision: anomalies.revision, number: anomalies.number, title: anomalies.title, executionId: anomalies.executionId })
    .from(anomalies)
    .where(and(eq(anomalies.id, request.anomalyId), eq(anomalies.projectId, request.projectId)))
    .for('update');
  if (!current) throw new ActionError('not_found');
  if (request.revision !== null && current.revision !== request.revision) throw new ActionError('conflict', 'staleVersion');
  if (!canTransition(request.role, current.status, request.to)) {
    // A move the lifecycle allows to another role is the role's limit; one no role may make is a stale screen.
    const anyRole = PROJECT_ROLES.some((role) => canTransition(role, current.status, request.to));
    throw anyRole ? new ActionError('forbidden') : new ActionError('conflict', 'statusTransition');
  }
  const reason = request.reason.trim();
  if (transitionNeedsReason(request.to) && !reason) {
    throw new ActionError('invalid', 'invalid', { reason: ['reasonRequired'] });
  }
  const [updated] = await tx
    .update(anomalies)
    .set({ status: request.to, revision: current.revision + 1, updatedAt: new Date() })
    .where(eq(anomalies.id, request.anomalyId))
    .returning({ revision: anomalies.revision });
  await tx.insert(anomalyEvents).values({
    anomalyId: request.anomalyId,
    kind: 'status',
    fromStatus: current.status,
    toStatus: request.to,
    body: reason,
    actorId: request.actorId,
  });
  if (request.executionId) {
    await tx.insert(anomalyExecutions).values({ anomalyId: request.anomalyId, executionId: request.executionId }).onConflictDoNothing();
  }
  if (request.to === 'to_retest') {
    await noticeAnomalyToRetest(tx, {
      projectId: request.projectId,
      actorId: request.actorId,
      anomalyId: request.anomalyId,
      number: current.number,
      title: current.title,
      originExecutionId: current.executionId,
    });
  }
  return {
    number: current.number,
    before: { status: current.status },
    after: { status: request.to, reason: reason || undefined },
    revision: updated!.revision,
  };
}
