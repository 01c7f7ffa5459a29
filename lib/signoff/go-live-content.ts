/**
 * What the recette définitive is signed on (and its PV prints): the go-live record and the VSR period as they were,
 * with the anomalies raised in production during it. Names and texts are copied so later edits never rewrite it.
 */
export interface RunbookStep {
  label: string;
  /** When the step was executed (ISO, UTC), or null: not executed. */
  doneAt: string | null;
}

export interface VsrAnomaly {
  number: number;
  title: string;
  severity: string;
  status: string;
  raisedAt: string;
}

export interface VsrContent {
  project: { key: string; name: string; client: string };
  release: { number: number; name: string; version: string };
  goLive: {
    deployedAt: string;
    versionDeployed: string;
    deployedBy: string;
    runbook: RunbookStep[];
    rollback: string;
    goNoGoDecision: string;
  };
  period: { number: number; start: string; end: string; days: number };
  productionAnomalies: VsrAnomaly[];
}
