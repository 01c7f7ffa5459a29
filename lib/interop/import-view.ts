import type { ImportPlan } from './import-plan';

/** What the preview shows: totals always, each list cut to its first rows. */
export interface ResultsPreview {
  campaign: { build: string; environment: string };
  files: ImportPlan['files'];
  ignored: string[];
  executions: { total: number; passed: number; failed: number; measured: number };
  matched: { ref: string; title: string; result: 'passed' | 'failed' | 'measured'; inScope: boolean }[];
  matchedTotal: number;
  proposed: ImportPlan['proposed'];
  proposedTotal: number;
  unmatched: ImportPlan['unmatched'];
  unmatchedTotal: number;
  skipped: string[];
  skippedTotal: number;
  notRun: string[];
  performance: { ref: string; title: string; measurements: { metric: string; unit: string; threshold: number; direction: string; value: number | null; status: string }[] }[];
  unusedSamples: ImportPlan['unusedSamples'];
  unusedSamplesTotal: number;
}

/** What an import did, as the browser (or an API client) is told. */
export interface ResultsImportSummary {
  executions: number;
  passed: number;
  failed: number;
  open: number;
  createdTestCases: number;
  addedToScope: number;
  campaignStarted: boolean;
}
