import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { campaigns, executions } from '@/db/schema';
import type { ExecutionSource, ExecutionStatus, Measurement, StepResult } from '@/lib/recette/campaign-model';
import { deriveExecutionStatus, overrideNeedsReason } from '@/lib/recette/execution-status';
import type { PerformanceCriterion, TestStep } from '@/lib/recette/model';

/**
 * The one way executions are created, by the runner (one run started by hand) and by result imports (many runs
 * at once, already answered). Each run copies the test case's version, steps and criteria and the campaign's names,
 * so later edits never rewrite it; its status is derived from its answers (lib/recette/execution-status.ts), and a
 * recorded result that differs from the derived one carries its reason, as the database requires.
 */
export interface NewRun {
  campaignItemId: string;
  testCase: { id: string; version: number; steps: TestStep[]; criteria: PerformanceCriterion[] };
  stepResults: StepResult[];
  measurements: Measurement[];
  /** The result to record; left out, the derived one. */
  status?: ExecutionStatus;
  overrideReason?: string;
  comment?: string;
  /** Set for a finished run (an import); a run started in the runner stays open. */
  finishedAt?: Date;
  durationMs?: number | null;
}

export interface RunContext {
  projectId: string;
  campaign: { id: string; name: string; environment: string; build: string };
  actorId: string;
  source: ExecutionSource;
}

/** Rows per INSERT: ~20 parameters a row stays far below PostgreSQL's 65,535 parameters per statement. */
const ROWS_PER_INSERT = 500;

export async function insertExecutions(tx: Transaction, context: RunContext, runs: readonly NewRun[]) {
  const rows = runs.map((run) => {
    const derivedStatus = deriveExecutionStatus(run.stepResults, run.testCase.criteria, run.measurements);
    const status = run.status ?? derivedStatus;
    const overridden = overrideNeedsReason(derivedStatus, status);
    if (overridden && !run.overrideReason) throw new Error('insertExecutions: an overridden result needs its reason');
    return {
      projectId: context.projectId,
      campaignId: context.campaign.id,
      campaignItemId: run.campaignItemId,
      testCaseId: run.testCase.id,
      testCaseVersion: run.testCase.version,
      steps: run.testCase.steps,
      criteria: run.testCase.criteria,
      stepResults: run.stepResults,
      measurements: run.measurements,
      derivedStatus,
      status,
      overrideReason: overridden ? run.overrideReason! : null,
      comment: run.comment ?? '',
      source: context.source,
      campaignName: context.campaign.name,
      environment: context.campaign.environment,
      build: context.campaign.build,
      executedBy: context.actorId,
      ...(run.finishedAt && { finishedAt: run.finishedAt, startedAt: new Date(run.finishedAt.getTime() - Math.max(0, run.durationMs ?? 0)) }),
      durationMs: run.durationMs ?? null,
    };
  });
  const created: { id: string; revision: number; status: ExecutionStatus }[] = [];
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    created.push(
      ...(await tx
        .insert(executions)
        .values(rows.slice(at, at + ROWS_PER_INSERT))
        .returning({ id: executions.id, revision: executions.revision, status: executions.status })),
    );
  }
  return created;
}

/** The first run moves a planned campaign to "en cours"; returns whether it did (the caller journals it). */
export async function markCampaignStarted(tx: Transaction, campaign: { id: string; status: string; revision: number }): Promise<boolean> {
  if (campaign.status !== 'planned') return false;
  await tx
    .update(campaigns)
    .set({ status: 'in_progress', startedAt: sql`coalesce(${campaigns.startedAt}, now())`, revision: campaign.revision + 1, updatedAt: new Date() })
    .where(eq(campaigns.id, campaign.id));
  return true;
}
