/** Campaign vocabulary, stored in English and shown as VABF / VSR / non-régression / … (DESIGN.md §2). */
export const CAMPAIGN_TYPES = ['vabf', 'vsr', 'non_regression', 'performance', 'security', 'user_acceptance'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** The project counter campaign numbers come from (like EXF / STD / CT: never reused). */
export const CAMPAIGN_NUMBER_SERIES = 'CAMPAGNE';

/** planifiée → en cours → clôturée. A closed campaign is read-only. */
export const CAMPAIGN_STATUSES = ['planned', 'in_progress', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Per-step results of the runner: réussi, échoué, bloqué, non applicable. */
export const STEP_STATUSES = ['passed', 'failed', 'blocked', 'not_applicable'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * An execution is "en cours" until its result is recorded; its result is then réussi, échoué or bloqué
 * (a run whose every step was not applicable counts as passed: nothing it checks failed).
 */
export const EXECUTION_STATUSES = ['in_progress', 'passed', 'failed', 'blocked'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
export type ExecutionResult = Exclude<ExecutionStatus, 'in_progress'>;

/** Where an execution came from: the runner, a CI result file (JUnit) or a performance tool's report. */
export const EXECUTION_SOURCES = ['manual', 'junit', 'performance_report'] as const;
export type ExecutionSource = (typeof EXECUTION_SOURCES)[number];

export interface StepResult {
  status: StepStatus | null;
  actual: string;
}

/** A performance execution's measured value for one criterion of the test case, by metric name. */
export interface Measurement {
  metric: string;
  value: number | null;
}
