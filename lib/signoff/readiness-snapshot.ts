import type { CriterionResult, ReadinessInputs } from './decision';
import type { ChecklistStatus, Decision, Thresholds } from './readiness-model';

/**
 * What a go / no-go record freezes: every criterion's inputs and verdict, and the items behind them as they were.
 * Names are copied (not ids only) so that a rename or a pseudonymization later never rewrites the record or its PV.
 */
export interface SnapshotCampaign {
  number: number;
  name: string;
  type: string;
  environment: string;
  build: string;
  status: string;
  closedAt: string | null;
  /** Items by state: réussi, échoué, bloqué, non exécuté, à exécuter (the campaign's item states). */
  results: { total: number; passed: number; failed: number; blocked: number; notRun: number; pending: number };
}

export interface SnapshotAnomaly {
  number: number;
  title: string;
  severity: string;
  status: string;
}

export interface SnapshotRequirement {
  number: number;
  title: string;
  /** Why it holds the release back: not covered, or covered with tests that did not all pass. */
  gap: 'uncovered' | 'unverified';
}

export interface SnapshotChecklistItem {
  label: string;
  status: ChecklistStatus;
  owner: string | null;
  evidenceUrl: string;
}

export interface ReadinessSnapshot {
  project: { key: string; name: string; client: string };
  release: { number: number; name: string; version: string; targetDate: string | null; scope: string };
  thresholds: Thresholds;
  inputs: ReadinessInputs;
  criteria: CriterionResult[];
  proposedDecision: Decision;
  campaigns: SnapshotCampaign[];
  openAnomalies: SnapshotAnomaly[];
  requirementGaps: SnapshotRequirement[];
  checklist: SnapshotChecklistItem[];
}

export interface GoNoGoParticipant {
  userId: string;
  name: string;
  role: string;
}

/** The record as signed and printed: the snapshot with the decision taken on it, by whom and when. */
export interface GoNoGoContent {
  snapshot: ReadinessSnapshot;
  decision: Decision;
  reason: string;
  participants: GoNoGoParticipant[];
  recordedBy: string;
  recordedAt: string;
}
