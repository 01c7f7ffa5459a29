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

/** Runs per statement: one JSON parameter holds them all, so the statement count stays small at any size. */
const RUNS_PER_STATEMENT = 2_000;

/** Raw rows from either driver (PGlite answers `{ rows }`, postgres.js an array). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows);

export async function insertExecutions(tx: Transaction, context: RunContext, runs: readonly NewRun[]) {
  const rows = runs.map((run) => {
    const derivedStatus = deriveExecutionStatus(run.stepResults, run.testCase.criteria, run.measurements);
    const status = run.status ?? derivedStatus;
    const overridden = overrideNeedsReason(derivedStatus, status);
    if (overridden && !run.overrideReason) throw new Error('insertExecutions: an overridden result needs its reason');
    return {
      campaign_item_id: run.campaignItemId,
      test_case_id: run.testCase.id,
      test_case_version: run.testCase.version,
      steps: run.testCase.steps,
      criteria: run.testCase.criteria,
      step_results: run.stepResults,
      measurements: run.measurements,
      derived_status: derivedStatus,
      status,
      override_reason: overridden ? run.overrideReason! : null,
      comment: run.comment ?? '',
      started_at: run.finishedAt ? new Date(run.finishedAt.getTime() - Math.max(0, run.durationMs ?? 0)).toISOString() : null,
      finished_at: run.finishedAt?.toISOString() ?? null,
      duration_ms: run.durationMs ?? null,
    };
  });
  const created: { id: string; revision: number; status: ExecutionStatus }[] = [];
  const { campaign } = context;
  for (let at = 0; at < rows.length; at += RUNS_PER_STATEMENT) {
    const result = await tx.execute(sql`
      insert into ${executions} (project_id, campaign_id, campaign_item_id, test_case_id, test_case_version, steps, criteria,
        step_results, measurements, derived_status, status, override_reason, comment, source, campaign_name, environment,
        build, executed_by, started_at, finished_at, duration_ms)
      select ${context.projectId}::uuid, ${campaign.id}::uuid, r.campaign_item_id, r.test_case_id, r.test_case_version, r.steps,
        r.criteria, r.step_results, r.measurements, r.derived_status, r.status, r.override_reason, r.comment,
        ${context.source}::execution_source, ${campaign.name}, ${campaign.environment}, ${campaign.build}, ${context.actorId}::uuid,
        coalesce(r.started_at, now()), r.finished_at, r.duration_ms
      from jsonb_to_recordset(${JSON.stringify(rows.slice(at, at + RUNS_PER_STATEMENT))}::jsonb) as r(
        campaign_item_id uuid, test_case_id uuid, test_case_version int, steps jsonb, criteria jsonb, step_results jsonb,
        measurements jsonb, derived_status execution_status, status execution_status, override_reason text, comment text,
        started_at timestamptz, finished_at timestamptz, duration_ms int)
      returning id, revision, status`);
    created.push(...rowsOf<{ id: string; revision: number; status: ExecutionStatus }>(result));
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
