import { CAMPAIGN_NUMBER_SERIES } from '@/lib/recette/campaign-model';
import { getDb, type Executor } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { anomalies, campaignItems, campaigns, executions } from '@/db/schema';
import type { AnomalySeverity, AnomalyStatus } from '@/lib/recette/anomaly-model';
import type { StepResult } from '@/lib/recette/campaign-model';
import type { TestStep } from '@/lib/recette/model';
import { REF_PREFIXES } from '@/lib/traceability/refs';

/**
 * Campaigns, executions and anomalies written straight into the database (no action, no audit row), for tests that
 * need them to exist before the call under test.
 */
export async function createCampaignRow(project: { id: string }, options: { name?: string; environment?: string; build?: string } = {}, db: Executor = getDb()) {
  const [row] = await db
    .insert(campaigns)
    .values({
      projectId: project.id,
      number: await nextRefNumber(db, project.id, CAMPAIGN_NUMBER_SERIES),
      name: options.name ?? 'Campagne VABF',
      type: 'vabf',
      environment: options.environment ?? 'Recette',
      build: options.build ?? '2.4.1',
      status: 'in_progress',
    })
    .returning({ id: campaigns.id, number: campaigns.number, name: campaigns.name, environment: campaigns.environment, build: campaigns.build });
  return row!;
}

/** A finished execution of `testCase` in `campaign` (its item created on the way), failing at `failedStep`. */
export async function createExecutionRow(
  project: { id: string },
  campaign: { id: string; name: string; environment: string; build: string },
  testCase: { id: string; version?: number },
  options: { steps?: TestStep[]; stepResults?: StepResult[] } = {},
  db: Executor = getDb(),
) {
  const [item] = await db
    .insert(campaignItems)
    .values({ projectId: project.id, campaignId: campaign.id, testCaseId: testCase.id, plannedVersion: testCase.version ?? 1, position: 1 })
    .returning({ id: campaignItems.id });
  const steps = options.steps ?? [
    { action: 'Ouvrir le bulletin', expected: 'Le bulletin s’affiche' },
    { action: 'Lire le net', expected: 'Le net vaut 2 345,67 €' },
  ];
  const stepResults = options.stepResults ?? [
    { status: 'passed' as const, actual: '' },
    { status: 'failed' as const, actual: 'Le net vaut 2 300,00 €' },
  ];
  const [row] = await db
    .insert(executions)
    .values({
      projectId: project.id,
      campaignId: campaign.id,
      campaignItemId: item!.id,
      testCaseId: testCase.id,
      testCaseVersion: testCase.version ?? 1,
      steps,
      stepResults,
      derivedStatus: 'failed',
      status: 'failed',
      campaignName: campaign.name,
      environment: campaign.environment,
      build: campaign.build,
      finishedAt: new Date(),
    })
    .returning({ id: executions.id, campaignItemId: executions.campaignItemId });
  return row!;
}

export async function createAnomalyRow(
  project: { id: string },
  options: { title?: string; severity?: AnomalySeverity; status?: AnomalyStatus; createdBy?: string | null } = {},
  db: Executor = getDb(),
) {
  const number = await nextRefNumber(db, project.id, REF_PREFIXES.anomaly);
  const [row] = await db
    .insert(anomalies)
    .values({
      projectId: project.id,
      number,
      title: options.title ?? `Anomalie ${number}`,
      severity: options.severity ?? 'major',
      status: options.status ?? 'new',
      createdBy: options.createdBy ?? null,
    })
    .returning({ id: anomalies.id, number: anomalies.number, revision: anomalies.revision, status: anomalies.status });
  return row!;
}
