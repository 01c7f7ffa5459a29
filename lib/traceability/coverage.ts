import type { SpecificationStatus } from '@/lib/specifications/model';

/**
 * Coverage of one requirement by technical specifications (the test side joins with the recette issue):
 * suspecte when any of its links awaits review, couverte with at least one approved specification,
 * otherwise non couverte — a draft or a spec in review is work in progress, not coverage.
 */
export type CoverageState = 'covered' | 'uncovered' | 'suspect';

export function coverageState(linkedSpecs: readonly { status: SpecificationStatus; suspect: boolean }[]): CoverageState {
  if (linkedSpecs.some((s) => s.suspect)) return 'suspect';
  if (linkedSpecs.some((s) => s.status === 'approved')) return 'covered';
  return 'uncovered';
}
