/** Release and go / no-go vocabulary (DESIGN.md §3), stored in English, shown in French by default. */

/** The manual checklist of a release: à faire, en cours, fait, sans objet. */
export const CHECKLIST_STATUSES = ['todo', 'in_progress', 'done', 'not_applicable'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** An item "sans objet" counts as settled, like a done one. */
export function checklistItemSettled(status: ChecklistStatus): boolean {
  return status === 'done' || status === 'not_applicable';
}

/** The template a new release starts with (each item's label is a message key under readiness.checklistTemplate). */
export const CHECKLIST_TEMPLATE = ['rollbackPlan', 'runbook', 'training', 'dataMigrationRehearsal', 'performanceTests', 'supportReady'] as const;

/** The proposed or recorded decision: GO, GO avec réserves, NO-GO (ajournement). */
export const DECISIONS = ['go', 'go_with_reservations', 'no_go'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The project counter release numbers come from (never reused). */
export const RELEASE_NUMBER_SERIES = 'VERSION';

/** Default thresholds of open anomalies a project tolerates at go-live (ANAP practice: 0 bloquante, ≤ 3 majeures). */
export const DEFAULT_THRESHOLDS = { maxBlocking: 0, maxMajor: 3 } as const;
export interface Thresholds {
  maxBlocking: number;
  maxMajor: number;
}

/** What signatures of a go / no-go record name (db/queries/signatures.ts): a record never changes, so one version. */
export const GO_NO_GO_SUBJECT = 'go_no_go';
export const GO_NO_GO_VERSION = 1;
