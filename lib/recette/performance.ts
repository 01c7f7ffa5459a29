import type { PerformanceCriterion } from './model';

/**
 * The status of a performance measurement follows from its criterion (DESIGN.md §3): "p95 ≤ 2 s" passes at 2 s
 * exactly and fails above; "débit ≥ 50 bulletins/s" passes at 50 and fails below. A missing or non-finite value
 * decides nothing.
 */
export type MeasurementStatus = 'passed' | 'failed' | 'not_measured';

export function measurementStatus(criterion: Pick<PerformanceCriterion, 'threshold' | 'direction'>, measured: number | null | undefined): MeasurementStatus {
  if (measured == null || !Number.isFinite(measured)) return 'not_measured';
  const ok = criterion.direction === 'at_most' ? measured <= criterion.threshold : measured >= criterion.threshold;
  return ok ? 'passed' : 'failed';
}

/** A test case with several criteria passes when every one is measured and passes; any failure fails it. */
export function performanceStatus(
  criteria: readonly Pick<PerformanceCriterion, 'threshold' | 'direction'>[],
  measured: readonly (number | null | undefined)[],
): MeasurementStatus {
  const statuses = criteria.map((criterion, i) => measurementStatus(criterion, measured[i]));
  if (statuses.length === 0) return 'not_measured';
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('not_measured')) return 'not_measured';
  return 'passed';
}
