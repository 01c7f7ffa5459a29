import { getDb, type Executor } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { anomalies, anomalyExecutions, campaignItems, campaigns, executions } from '@/db/schema';
import type { AnomalySeverity, AnomalyStatus } from '@/lib/recette/anomaly-model';
import { CAMPAIGN_NUMBER_SERIES, type CampaignStatus, type ExecutionStatus } from '@/lib/recette/campaign-model';
import { REF_PREFIXES } from '@/lib/traceability/refs';

/**
 * Campaign rows written directly, for tests that need a campaign in a given state, or executions and anomalies
 * (their writes belong to the runner and the anomaly pages, not to the campaign actions under test).
 */
export async function createCampaignRow(
  project: { id: string },
  options: { name?: string; status?: CampaignStatus; plannedStart?: string; plannedEnd?: string; environment?: string; build?: string } = {},
  db: Executor = getDb(),
) {
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
    .returning({ id: campaigns.id, number: campaigns.number, revision: campaigns.revision });
  return row!;
}

export async function createItemRow(
  campaign: { id: string },
  project: { id: string },
  testCase: { id: string; version?: number },
  options: { position?: number; notRunReason?: string; assigneeId?: string } = {},
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

/** An execution of an item, finished at `finishedAt` unless it is still in progress. */
export async function createExecutionRow(
  item: { id: string },
  campaign: { id: string },
  project: { id: string },
  testCase: { id: string },
  options: { status: ExecutionStatus; startedAt?: Date; finishedAt?: Date },
  db: Executor = getDb(),
) {
  const startedAt = options.startedAt ?? new Date();
  const [row] = await db
    .insert(executions)
    .values({
      projectId: project.id,
      campaignId: campaign.id,
      campaignItemId: item.id,
      testCaseId: testCase.id,
      testCaseVersion: 1,
      steps: [],
      stepResults: [],
      derivedStatus: options.status,
      status: options.status,
      campaignName: 'Campagne',
      startedAt,
      finishedAt: options.status === 'in_progress' ? null : (options.finishedAt ?? startedAt),
    })
    .returning({ id: executions.id });
  return row!;
}

export async function createAnomalyRow(
  project: { id: string },
  options: { campaignId?: string; severity?: AnomalySeverity; status?: AnomalyStatus; executionId?: string },
  db: Executor = getDb(),
) {
  const number = await nextRefNumber(db, project.id, REF_PREFIXES.anomaly);
  const [row] = await db
    .insert(anomalies)
    .values({
      projectId: project.id,
      number,
      title: `Anomalie ${number}`,
      severity: options.severity ?? 'major',
      status: options.status ?? 'new',
      campaignId: options.campaignId ?? null,
      executionId: options.executionId ?? null,
    })
    .returning({ id: anomalies.id });
  if (options.executionId) await db.insert(anomalyExecutions).values({ anomalyId: row!.id, executionId: options.executionId });
  return row!;
}
