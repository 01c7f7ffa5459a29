import type { ExecutionResult, ExecutionStatus } from '@/lib/recette/campaign-model';
import type { SpecificationStatus } from '@/lib/specifications/model';

/**
 * Coverage of one requirement (DESIGN.md §3), first rule that applies:
 * - suspecte when any of its own links (to a specification or straight to a test case) awaits review: nothing said
 *   below can be trusted until someone has looked;
 * - en échec when the latest recorded result of one of the test cases verifying it (directly or through one of its
 *   specifications) is a failure;
 * - vérifiée when it is covered and the latest recorded result of every one of those test cases is a pass;
 * - couverte with at least one approved specification and at least one test case verifying it — a draft or a spec in
 *   review is work in progress, and a specification nobody tests is not yet coverage;
 * - otherwise non couverte.
 * "Latest recorded result" is a test case's last execution with a result (réussi, échoué, bloqué) in any campaign of
 * the project: a run still in progress does not undo the previous result, and a blocked one verifies nothing.
 */
export const COVERAGE_STATES = ['verified', 'failed', 'covered', 'uncovered', 'suspect'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

export interface Verification {
  /** Distinct test cases verifying the requirement, directly or through a linked specification. */
  testCases: number;
  /** Whether one of the requirement's own links to a test case is suspect. */
  suspect: boolean;
  /** How many of those test cases' latest recorded result is réussi. */
  passed: number;
  /** How many of those test cases' latest recorded result is échoué. */
  failed: number;
}

export function coverageState(
  linkedSpecs: readonly { status: SpecificationStatus; suspect: boolean }[],
  verification: Verification,
): CoverageState {
  if (verification.suspect || linkedSpecs.some((s) => s.suspect)) return 'suspect';
  if (verification.failed > 0) return 'failed';
  if (verification.testCases === 0 || !linkedSpecs.some((s) => s.status === 'approved')) return 'uncovered';
  return verification.passed === verification.testCases ? 'verified' : 'covered';
}

export interface RecordedRun {
  id: string;
  status: ExecutionStatus;
  startedAt: Date;
}

/** A test case's latest recorded result: its last-started run that has one (ties broken by id), or null. */
export function latestResult(runs: readonly RecordedRun[]): ExecutionResult | null {
  let latest: (RecordedRun & { status: ExecutionResult }) | null = null;
  for (const run of runs) {
    if (run.status === 'in_progress') continue;
    const later =
      !latest ||
      run.startedAt.getTime() > latest.startedAt.getTime() ||
      (run.startedAt.getTime() === latest.startedAt.getTime() && run.id > latest.id);
    if (later) latest = { ...run, status: run.status };
  }
  return latest?.status ?? null;
}
