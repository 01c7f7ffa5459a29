import { getDb, type Executor } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { anomalies, anomalyExecutions, campaignItems, executions } from '@/db/schema';
import type { AnomalyStatus } from '@/lib/recette/anomaly-model';
import type { ExecutionStatus } from '@/lib/recette/campaign-model';
import { REF_PREFIXES } from '@/lib/traceability/refs';

/**
 * Campaigns, their items, past runs and anomalies written straight into the database (no action, no audit row),
 * for the runner's tests: what must exist before the call under test.
 */

export { createCampaignRow } from './campaign-rows';

export async function createCampaignItemRow(
  project: { id: string },
  campaign: { id: string },
  testCase: { id: string; version: number },
  options: { position?: number; assigneeId?: string | null; notRunReason?: string } = {},
  db: Executor = getDb(),
) {
  const [row] = await db
    .insert(campaignItems)
    .values({
      projectId: project.id,
      campaignId: campaign.id,
      testCaseId: testCase.id,
      plannedVersion: testCase.version,
      position: options.position ?? 0,
      assigneeId: options.assigneeId ?? null,
      notRunReason: options.notRunReason ?? null,
    })
    .returning({ id: campaignItems.id });
  return row!;
}

/** A finished run of the item with the given result, started `minutesAgo` minutes ago. */
export async function createFinishedExecutionRow(
  project: { id: string },
  campaign: { id: string },
  item: { id: string },
  testCase: { id: string; version: number },
  status: Exclude<ExecutionStatus, 'in_progress'>,
  minutesAgo = 60,
  db: Executor = getDb(),
) {
  const startedAt = new Date(Date.now() - minutesAgo * 60_000);
  const [row] = await db
    .insert(executions)
    .values({
      projectId: project.id,
      campaignId: campaign.id,
      campaignItemId: item.id,
      testCaseId: testCase.id,
      testCaseVersion: testCase.version,
      steps: [{ action: 'Ouvrir', expected: 'Ouvert' }],
      stepResults: [{ status: status === 'passed' ? 'passed' : status, actual: '' }],
      derivedStatus: status,
      status,
      campaignName: 'Recette VABF lot 1',
      startedAt,
      finishedAt: new Date(startedAt.getTime() + 60_000),
      durationMs: 60_000,
    })
    .returning({ id: executions.id });
  return row!;
}

/** An anomaly in `status`, linked to the executions it was raised from. */
export async function createAnomalyRow(
  project: { id: string },
  options: { status?: AnomalyStatus; executionIds?: string[]; title?: string } = {},
  db: Executor = getDb(),
) {
  const number = await nextRefNumber(db, project.id, REF_PREFIXES.anomaly);
  const [row] = await db
    .insert(anomalies)
    .values({ projectId: project.id, number, title: options.title ?? `Anomalie ${number}`, severity: 'major', status: options.status ?? 'to_retest' })
    .returning({ id: anomalies.id, number: anomalies.number, revision: anomalies.revision });
  if (options.executionIds?.length) {
    await db.insert(anomalyExecutions).values(options.executionIds.map((executionId) => ({ anomalyId: row!.id, executionId })));
  }
  return row!;
}

/** A run just started: revision 1, every step of the test case unanswered. */
export async function createOpenExecutionRow(
  project: { id: string },
  campaign: { id: string },
  item: { id: string },
  testCase: { id: string; version: number },
  db: Executor = getDb(),
) {
  const [row] = await db
    .insert(executions)
    .values({
      projectId: project.id,
      campaignId: campaign.id,
      campaignItemId: item.id,
      testCaseId: testCase.id,
      testCaseVersion: testCase.version,
      steps: [{ action: 'Ouvrir l’écran', expected: 'L’écran s’affiche' }],
      stepResults: [{ status: null, actual: '' }],
      campaignName: 'Recette VABF lot 1',
    })
    .returning({ id: executions.id });
  return row!.id;
}
