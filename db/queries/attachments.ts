import 'server-only';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { anomalies, attachments, campaigns, executions } from '@/db/schema';
import type { AttachmentView } from '@/lib/recette/attachment-view';

const VIEW_COLUMNS = {
  id: attachments.id,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  byteSize: attachments.byteSize,
  stepIndex: attachments.stepIndex,
  uploadedAt: attachments.uploadedAt,
} as const;

export function toAttachmentView(row: { id: string; fileName: string; contentType: string; byteSize: number; stepIndex: number | null; uploadedAt: Date }): AttachmentView {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    stepIndex: row.stepIndex,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

/**
 * The attachments of some executions (their steps included, or only step `stepIndex` of them) and anomalies of one
 * project, oldest first, in one query. Ids of another project match nothing. The anomaly page reads its origin
 * step's evidence here: the files stay the execution's (a storage key is unique, so no copy).
 */
export async function listAttachments(
  db: Executor,
  projectId: string,
  { executionIds = [], stepIndex, anomalyIds = [] }: { executionIds?: string[]; stepIndex?: number; anomalyIds?: string[] },
): Promise<AttachmentView[]> {
  const owners = [
    ...(executionIds.length
      ? [and(inArray(attachments.executionId, executionIds), stepIndex === undefined ? undefined : eq(attachments.stepIndex, stepIndex))]
      : []),
    ...(anomalyIds.length ? [inArray(attachments.anomalyId, anomalyIds)] : []),
  ];
  if (!owners.length) return [];
  const rows = await db
    .select(VIEW_COLUMNS)
    .from(attachments)
    .where(and(eq(attachments.projectId, projectId), or(...owners)))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
  return rows.map(toAttachmentView);
}

export type EvidenceTarget = { executionId: string; stepIndex?: number } | { anomalyId: string };

/**
 * What an upload may attach to: the execution (with its step count and whether its campaign is closed) or the
 * anomaly, in this project only. `lock` keeps the execution's campaign from closing until the transaction ends.
 */
export async function findEvidenceTarget(
  db: Executor,
  projectId: string,
  target: EvidenceTarget,
  lock = false,
): Promise<{ stepCount: number | null; closed: boolean } | null> {
  if ('anomalyId' in target) {
    const [row] = await db
      .select({ id: anomalies.id })
      .from(anomalies)
      .where(and(eq(anomalies.id, target.anomalyId), eq(anomalies.projectId, projectId)));
    return row ? { stepCount: null, closed: false } : null;
  }
  const query = db
    .select({ steps: executions.steps, campaignStatus: campaigns.status })
    .from(executions)
    .innerJoin(campaigns, eq(campaigns.id, executions.campaignId))
    .where(and(eq(executions.id, target.executionId), eq(executions.projectId, projectId)));
  const [row] = lock ? await query.for('share', { of: campaigns }) : await query;
  return row ? { stepCount: row.steps.length, closed: row.campaignStatus === 'closed' } : null;
}

/** One attachment of the project, with what download and removal need; null for another project's. */
export async function findAttachment(db: Executor, projectId: string, id: string, lock = false) {
  const query = db
    .select({
      ...VIEW_COLUMNS,
      storageKey: attachments.storageKey,
      uploadedBy: attachments.uploadedBy,
      executionId: attachments.executionId,
      anomalyId: attachments.anomalyId,
      sha256: attachments.sha256,
      campaignStatus: campaigns.status,
    })
    .from(attachments)
    .leftJoin(executions, eq(executions.id, attachments.executionId))
    .leftJoin(campaigns, eq(campaigns.id, executions.campaignId))
    .where(and(eq(attachments.id, id), eq(attachments.projectId, projectId)));
  const [row] = lock ? await query.for('update', { of: attachments }) : await query;
  return row ?? null;
}
