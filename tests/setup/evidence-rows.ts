import { CAMPAIGN_NUMBER_SERIES } from '@/lib/recette/campaign-model';
import { nextRefNumber } from '@/db/queries/refs';
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { anomalies, attachments, campaignItems, campaigns, executions } from '@/db/schema';
import { getStorage } from '@/lib/storage/select-storage';
import { attachmentKey } from '@/lib/storage/storage';
import { createTestCaseRow } from './trace-items';

/** A 1×1 transparent PNG, a real image the content check accepts. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

export interface ExecutionRowOptions {
  campaignStatus?: 'planned' | 'in_progress' | 'closed';
  status?: 'in_progress' | 'passed' | 'failed' | 'blocked';
  stepCount?: number;
}

/** A campaign (its own next number), one item and one execution of a fresh test case. */
export async function createExecutionRow(project: { id: string }, options: ExecutionRowOptions = {}) {
  const db = getDb();
  const stepCount = options.stepCount ?? 2;
  const steps = Array.from({ length: stepCount }, (_, i) => ({ action: `Action ${i + 1}`, expected: `Attendu ${i + 1}` }));
  const testCase = await createTestCaseRow(project, { steps });
  const [campaign] = await db
    .insert(campaigns)
    .values({
      projectId: project.id,
      number: await nextRefNumber(db, project.id, CAMPAIGN_NUMBER_SERIES),
      name: 'Recette de test',
      type: 'vabf',
      status: options.campaignStatus ?? 'in_progress',
      ...(options.campaignStatus === 'closed' && { closedAt: new Date() }),
    })
    .returning({ id: campaigns.id });
  const [item] = await db
    .insert(campaignItems)
    .values({ projectId: project.id, campaignId: campaign!.id, testCaseId: testCase.id, plannedVersion: 1, position: 0 })
    .returning({ id: campaignItems.id });
  const status = options.status ?? 'in_progress';
  const [execution] = await db
    .insert(executions)
    .values({
      projectId: project.id,
      campaignId: campaign!.id,
      campaignItemId: item!.id,
      testCaseId: testCase.id,
      testCaseVersion: 1,
      steps,
      stepResults: steps.map(() => ({ status: status === 'in_progress' ? null : status === 'failed' ? 'failed' : 'passed', actual: '' })),
      derivedStatus: status,
      status,
      campaignName: 'Recette de test',
      ...(status !== 'in_progress' && { finishedAt: new Date() }),
    })
    .returning({ id: executions.id });
  return { id: execution!.id, campaignId: campaign!.id };
}

export async function createAnomalyRow(project: { id: string }) {
  const db = getDb();
  const [row] = await db
    .insert(anomalies)
    .values({
      projectId: project.id,
      number: sql`(select coalesce(max(number), 0) + 1 from anomalies where project_id = ${project.id})`,
      title: 'Le net est faux',
      severity: 'major',
    })
    .returning({ id: anomalies.id });
  return row!;
}

/** An attachment row with its bytes in the configured storage, as an upload would leave them. */
export async function createAttachmentRow(
  project: { id: string },
  target: { executionId: string; stepIndex?: number } | { anomalyId: string },
  uploadedBy: string | null,
  bytes: Uint8Array = TINY_PNG,
  contentType = 'image/png',
) {
  const id = randomUUID();
  const storageKey = attachmentKey(project.id, id);
  await getStorage().put(storageKey, bytes, contentType);
  const [row] = await getDb()
    .insert(attachments)
    .values({
      id,
      projectId: project.id,
      executionId: 'executionId' in target ? target.executionId : null,
      stepIndex: 'executionId' in target ? (target.stepIndex ?? null) : null,
      anomalyId: 'anomalyId' in target ? target.anomalyId : null,
      storageKey,
      fileName: contentType === 'image/png' ? 'capture.png' : 'preuve.txt',
      contentType,
      byteSize: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy,
    })
    .returning();
  return row!;
}
