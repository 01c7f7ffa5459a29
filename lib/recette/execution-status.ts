import type { ExecutionStatus, Measurement, StepResult } from './campaign-model';
import type { PerformanceCriterion } from './model';
import { performanceStatus } from './performance';

/**
 * The result an execution's steps (and, for a performance test case, its measurements) lead to:
 * a failed step fails the run, else a blocked step blocks it, else a step still unanswered keeps it "en cours";
 * steps all passed or not applicable pass it. Performance criteria are part of the verdict: a measurement over its
 * threshold fails the run, a criterion not yet measured keeps it open.
 * A run with nothing to answer (no step, no criterion) stays open until the tester records a result with a reason.
 */
export function deriveExecutionStatus(
  stepResults: readonly Pick<StepResult, 'status'>[],
  criteria: readonly Pick<PerformanceCriterion, 'metric' | 'threshold' | 'direction'>[] = [],
  measurements: readonly Measurement[] = [],
): ExecutionStatus {
  const statuses = stepResults.map((r) => r.status);
  if (statuses.includes('failed')) return 'failed';
  const performance = criteria.length
    ? performanceStatus(
        criteria,
        criteria.map((c) => measurements.find((m) => m.metric === c.metric)?.value),
      )
    : null;
  if (performance === 'failed') return 'failed';
  if (statuses.includes('blocked')) return 'blocked';
  if (statuses.includes(null)) return 'in_progress';
  if (performance === 'not_measured') return 'in_progress';
  if (statuses.length === 0 && performance === null) return 'in_progress';
  return 'passed';
}

/** A recorded result different from the derived one must say why (the database holds the same rule). */
export function overrideNeedsReason(derived: ExecutionStatus, chosen: ExecutionStatus): boolean {
  return derived !== chosen;
}

/** Blank results for a run of these steps: the runner answers them one by one. */
export function blankStepResults(stepCount: number): StepResult[] {
  return Array.from({ length: stepCount }, () => ({ status: null, actual: '' }));
}
