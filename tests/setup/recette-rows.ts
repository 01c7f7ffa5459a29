import { createHash, randomUUID } from 'node:crypto';
import { getDb, type Executor } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { anomalies, anomalyExecutions, attachments, campaignItems, campaigns, executions } from '@/db/schema';
import type { AnomalySeverity, AnomalyStatus } from '@/lib/recette/anomaly-model';
import { CAMPAIGN_NUMBER_SERIES, type CampaignStatus, type ExecutionStatus, type StepResult } from '@/lib/recette/campaign-model';
import type { TestStep } from '@/lib/recette/model';
import { getStorage } from '@/lib/storage/select-storage';
import { attachmentKey } from '@/lib/storage/storage';
import { REF_PREFIXES } from '@/lib/traceability/refs';
import { createTestCaseRow } from './trace-items';

/**
 * Recette rows written straight into the database (no action, no audit row) — campaigns, their items, runs,
 * anomalies and evidence — for tests that need them to exist before the call under test. One writer per table;
 * the composite helpers at the end only chain them.
 */

/** A 1×1 transparent PNG, a real image the content check accepts. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

export interface CampaignRowOptions {
  name?: string;
  status?: CampaignStatus;
  plannedStart?: string;
  plannedEnd?: string;
  environment?: string;
  build?: string;
}

/** A VABF campaign with the project's next campaign number; `closed` ones get their closing date. */
export async function createCampaignRow(project: { id: string }, options: CampaignRowOptions = {}, db: Executor = getDb()) {
  const number = await nextRefNumber(db, project.id, CAMPAIGN_NUMBER_SERIES);
  const [row] = await db
    .insert(campaigns)
    .values({
      projectId: project.id,
      number,
      name: options.name ?? 'Recette VABF lot 1',
      type: 'vabf',
      environment: options.environment ?? 'Recette',
      build: options.build ?? '1.4.2',
      status: options.status ?? 'planned',
      plannedStart: options.plannedStart ?? null,
      plannedEnd: options.plannedEnd ?? null,
      closedAt: options.status === 'closed' ? new Date() : null,
    })
    .returning({
      id: campaigns.id,
      number: campaigns.number,
      revision: campaigns.revision,
      name: campaigns.name,
      environment: campaigns.environment,
      build: campaigns.build,
    });
  return row!;
}

export async function createItemRow(
  campaign: { id: string },
  project: { id: string },
  testCase: { id: string; version?: number },
  options: { position?: number; notRunReason?: string; assigneeId?: string | null } = {},
  db: Executor = getDb(),
) {
  const [row] = await db
    .insert(campaignItems)
    .values({
      projectId: project.id,
      campaignId: campaign.id,
      testCaseId: testCase.id,
      plannedVersion: testCase.version ?? 1,
      position: options.position ?? 1,
      notRunReason: options.notRunReason ?? null,
      assigneeId: options.assigneeId ?? null,
    })
    .returning({ id: campaignItems.id, revision: campaignItems.revision });
  return row!;
}

export interface ExecutionRowOptions {
  status: ExecutionStatus;
  startedAt?: Date;
  /** Defaults to a minute after the start for a finished run; a run in progress has none. */
  finishedAt?: Date;
  steps?: TestStep[];
  /** Defaults to every step answered with the run's status (unanswered while in progress). */
  stepResults?: StepResult[];
  executedBy?: string | null;
}

/** A run of an item at revision 1, with the campaign's names when they are given. */
export async function createExecutionRow(
  item: { id: string },
  campaign: { id: string; name?: string; environment?: string; build?: string },
  project: { id: string },
  testCase: { id: string; version?: number },
  options: ExecutionRowOptions,
  db: Executor = getDb(),
) {
  const { status } = options;
  const startedAt = options.startedAt ?? new Date();
  const finished = status !== 'in_progress';
  const finishedAt = finished ? (options.finishedAt ?? new Date(startedAt.getTime() + 60_000)) : null;
  const steps = options.steps ?? [{ action: 'Ouvrir l’écran', expected: 'L’écran s’affiche' }];
  const stepResults = options.stepResults ?? steps.map(() => ({ status: finished ? status : null, actual: '' }));
  const [row] = await db
    .insert(executions)
    .values({
      projectId: project.id,
      campaignId: campaign.id,
      campaignItemId: item.id,
      testCaseId: testCase.id,
      testCaseVersion: testCase.version ?? 1,
      steps,
      stepResults,
      derivedStatus: status,
      status,
      campaignName: campaign.name ?? 'Recette VABF lot 1',
      environment: campaign.environment ?? '',
      build: campaign.build ?? '',
      executedBy: options.executedBy ?? null,
      startedAt,
      finishedAt,
      durationMs: finishedAt ? finishedAt.getTime() - startedAt.getTime() : null,
    })
    .returning({ id: executions.id, campaignItemId: executions.campaignItemId });
  return row!;
}

export interface AnomalyRowOptions {
  title?: string;
  severity?: AnomalySeverity;
  status?: AnomalyStatus;
  campaignId?: string;
  /** The runs it was raised from (the first is its origin). */
  executionIds?: string[];
  createdBy?: string | null;
  /** Raised in production (VSR). */
  production?: boolean;
}

/** An anomaly with the project's next number, linked to the executions it was raised from. */
export async function createAnomalyRow(project: { id: string }, options: AnomalyRowOptions = {}, db: Executor = getDb()) {
  const number = await nextRefNumber(db, project.id, REF_PREFIXES.anomaly);
  const [row] = await db
    .insert(anomalies)
    .values({
      projectId: project.id,
      number,
      title: options.title ?? `Anomalie ${number}`,
      severity: options.severity ?? 'major',
      status: options.status ?? 'new',
      campaignId: options.campaignId ?? null,
      executionId: options.executionIds?.[0] ?? null,
      createdBy: options.createdBy ?? null,
      production: options.production ?? false,
    })
    .returning({ id: anomalies.id, number: anomalies.number, revision: anomalies.revision, status: anomalies.status });
  if (options.executionIds?.length) {
    await db.insert(anomalyExecutions).values(options.executionIds.map((executionId) => ({ anomalyId: row!.id, executionId })));
  }
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

/** A finished run of `testCase` in `campaign` (its item added on the way) that fails at its second step. */
export async function createFailedRunRow(
  project: { id: string },
  campaign: { id: string; name: string; environment: string; build: string },
  testCase: { id: string; version?: number },
) {
  const item = await createItemRow(campaign, project, testCase);
  return createExecutionRow(item, campaign, project, testCase, {
    status: 'failed',
    steps: [
      { action: 'Ouvrir le bulletin', expected: 'Le bulletin s’affiche' },
      { action: 'Lire le net', expected: 'Le net vaut 2 345,67 €' },
    ],
    stepResults: [
      { status: 'passed', actual: '' },
      { status: 'failed', actual: 'Le net vaut 2 300,00 €' },
    ],
  });
}

/** A run of a fresh test case of `stepCount` steps, in a campaign of its own (running unless told otherwise). */
export async function createRunInNewCampaign(
  project: { id: string },
  options: { campaignStatus?: CampaignStatus; status?: ExecutionStatus; stepCount?: number } = {},
) {
  const steps = Array.from({ length: options.stepCount ?? 2 }, (_, i) => ({ action: `Action ${i + 1}`, expected: `Attendu ${i + 1}` }));
  const testCase = await createTestCaseRow(project, { steps });
  const campaign = await createCampaignRow(project, { status: options.campaignStatus ?? 'in_progress' });
  const item = await createItemRow(campaign, project, testCase);
  const execution = await createExecutionRow(item, campaign, project, testCase, { status: options.status ?? 'in_progress', steps });
  return { id: execution.id, campaignId: campaign.id };
}
