/** Test case types, stored in English, shown as fonctionnel / intégration / performance / sécurité / … */
export const TEST_CASE_TYPES = ['functional', 'integration', 'performance', 'security', 'non_regression', 'user_acceptance'] as const;
export type TestCaseType = (typeof TEST_CASE_TYPES)[number];

export const TEST_CASE_PRIORITIES = ['high', 'medium', 'low'] as const;
export type TestCasePriority = (typeof TEST_CASE_PRIORITIES)[number];

/** How a measured value is held against its threshold: "at most" for a response time, "at least" for a throughput. */
export const THRESHOLD_DIRECTIONS = ['at_most', 'at_least'] as const;
export type ThresholdDirection = (typeof THRESHOLD_DIRECTIONS)[number];

export interface TestStep {
  action: string;
  expected: string;
}

export interface PerformanceCriterion {
  metric: string;
  unit: string;
  threshold: number;
  direction: ThresholdDirection;
}

/**
 * Every field of a test case version, steps and criteria included, so the history and its redline show them.
 * All of them are content: any change makes a new version.
 */
export const TEST_CASE_CONTENT_FIELDS = [
  'title',
  'objective',
  'preconditions',
  'testData',
  'steps',
  'type',
  'priority',
  'folder',
  'tags',
  'automated',
  'automationKey',
  'criteria',
] as const;

/** A folder path as typed ("Paie / Calcul  /Bulletins") in its stored form ("Paie/Calcul/Bulletins"). */
export function normalizeFolder(path: string): string {
  return path
    .split('/')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('/');
}
