/** Anomaly vocabulary (DESIGN.md §3), stored in English, shown as bloquante / majeure / mineure, nouvelle / … */
export const ANOMALY_SEVERITIES = ['blocking', 'major', 'minor'] as const;
export type AnomalySeverity = (typeof ANOMALY_SEVERITIES)[number];

export const ANOMALY_PRIORITIES = ['high', 'medium', 'low'] as const;
export type AnomalyPriority = (typeof ANOMALY_PRIORITIES)[number];

/** nouvelle → en analyse → en correction → à retester → fermée, plus rejetée (not a defect) and réouverte. */
export const ANOMALY_STATUSES = ['new', 'analysis', 'fixing', 'to_retest', 'closed', 'rejected', 'reopened'] as const;
export type AnomalyStatus = (typeof ANOMALY_STATUSES)[number];

/** An anomaly still counts against a go-live until it is closed or rejected. */
export const OPEN_ANOMALY_STATUSES: readonly AnomalyStatus[] = ['new', 'analysis', 'fixing', 'to_retest', 'reopened'];

/** What an anomaly's history records besides the journal: its creation, each status change, edits and comments. */
export const ANOMALY_EVENT_KINDS = ['created', 'status', 'updated', 'comment'] as const;
export type AnomalyEventKind = (typeof ANOMALY_EVENT_KINDS)[number];
