import type { SpecificationStatus } from '@/lib/specifications/model';

/**
 * Coverage of one requirement (DESIGN.md §3): suspecte when any of its own links (to a specification or straight to
 * a test case) awaits review; couverte with at least one approved specification and at least one test case verifying
 * it, directly or through one of its specifications; otherwise non couverte — a draft or a spec in review is work in
 * progress, and a specification nobody tests is not yet coverage.
 */
export type CoverageState = 'covered' | 'uncovered' | 'suspect';

export interface Verification {
  /** Distinct test cases verifying the requirement, directly or through a linked specification. */
  testCases: number;
  /** Whether one of the requirement's own links to a test case is suspect. */
  suspect: boolean;
}

export function coverageState(
  linkedSpecs: readonly { status: SpecificationStatus; suspect: boolean }[],
  verification: Verification,
): CoverageState {
  if (verification.suspect || linkedSpecs.some((s) => s.suspect)) return 'suspect';
  if (verification.testCases > 0 && linkedSpecs.some((s) => s.status === 'approved')) return 'covered';
  return 'uncovered';
}
