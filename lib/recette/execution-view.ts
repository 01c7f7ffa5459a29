import type { AttachmentView } from './attachment-view';
import type { ExecutionStatus, Measurement, StepResult } from './campaign-model';
import type { PerformanceCriterion, TestStep } from './model';

/** One run as the runner and the item history show it (dates as ISO strings: it crosses to the browser as JSON). */
export interface ExecutionView {
  id: string;
  campaignItemId: string;
  testCaseRef: string;
  testCaseVersion: number;
  title: string;
  objective: string;
  preconditions: string;
  testData: string;
  steps: TestStep[];
  criteria: PerformanceCriterion[];
  stepResults: StepResult[];
  measurements: Measurement[];
  derivedStatus: ExecutionStatus;
  status: ExecutionStatus;
  overrideReason: string | null;
  comment: string;
  campaignName: string;
  environment: string;
  build: string;
  executedByName: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  revision: number;
}

/** An anomaly a finished run may retest, with the move the runner proposes for the tester to confirm. */
export interface RetestView {
  anomalyId: string;
  ref: string;
  title: string;
  proposal: 'close' | 'reopen';
}

export interface ExecutionState {
  execution: ExecutionView;
  retests: RetestView[];
  /** The run's evidence, per step (stepIndex) or for the whole run (null). */
  attachments: AttachmentView[];
}

/** One campaign item in the runner's side list: its latest run and how many of its anomalies await retest. */
export interface RunnerItem {
  id: string;
  testCaseNumber: number;
  title: string;
  assigneeId: string | null;
  notRun: boolean;
  lastStatus: ExecutionStatus | null;
  toRetest: boolean;
}
