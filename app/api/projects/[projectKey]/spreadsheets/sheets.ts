import 'server-only';
import { listTraceabilityMatrix } from '@/db/queries/traceability-pages';
import { campaignResultsForExport, requirementsForExport, testCasesForExport } from '@/db/queries/xlsx-exports';
import type { XlsxCell, XlsxSheet } from '@/lib/export/xlsx';
import { formatRef } from '@/lib/traceability/refs';
import type { Executor } from '@/db/client';
import type { Translators } from './translators';

export const EXPORTS = ['requirements', 'testCases', 'matrix', 'campaign'] as const;
export type Export = (typeof EXPORTS)[number];


const refs = (kind: 'specification' | 'testCase', numbers: number[]) => numbers.map((n) => formatRef(kind, n)).join(', ');

async function requirementsSheet(db: Executor, projectId: string, { t, all }: Translators): Promise<XlsxSheet> {
  const rows = await requirementsForExport(db, projectId);
  const columns = ['ref', 'title', 'statement', 'rationale', 'acceptanceCriteria', 'priority', 'status', 'source', 'tags', 'parentRef', 'version', 'updatedAt'] as const;
  return {
    name: t('sheets.requirements'),
    columns: columns.map((c) => ({ header: t(`columns.${c}`), width: c === 'title' || c === 'statement' ? 50 : undefined })),
    rows: rows.map((r) => [
      formatRef('requirement', r.number),
      r.title,
      r.statement,
      r.rationale,
      r.acceptanceCriteria,
      all(`requirements.priorities.${r.priority}`),
      all(`requirements.statuses.${r.status}`),
      r.source,
      r.tags.join(', '),
      r.parentNumber ? formatRef('requirement', r.parentNumber) : '',
      r.version,
      r.updatedAt,
    ]),
  };
}

/** One row per step (a test case without steps has one row), the test case's fields repeated: what the import reads. */
async function testCasesSheet(db: Executor, projectId: string, { t, all }: Translators): Promise<XlsxSheet> {
  const rows = await testCasesForExport(db, projectId);
  const columns = [
    'ref', 'title', 'objective', 'preconditions', 'testData', 'type', 'priority', 'folder', 'tags', 'automated', 'automationKey',
    'stepNumber', 'stepAction', 'stepExpected', 'version', 'updatedAt',
  ] as const;
  const out: XlsxCell[][] = [];
  for (const r of rows) {
    const fields: XlsxCell[] = [
      formatRef('testCase', r.number),
      r.title,
      r.objective,
      r.preconditions,
      r.testData,
      all(`testCases.types.${r.type}`),
      all(`testCases.priorities.${r.priority}`),
      r.folder,
      r.tags.join(', '),
      r.automated ? t('yes') : t('no'),
      r.automationKey,
    ];
    if (r.steps.length === 0) out.push([...fields, null, '', '', r.version, r.updatedAt]);
    r.steps.forEach((step, index) => out.push([...fields, index + 1, step.action, step.expected, r.version, r.updatedAt]));
  }
  return {
    name: t('sheets.testCases'),
    columns: columns.map((c) => ({ header: t(`columns.${c}`), width: c === 'title' || c === 'stepAction' || c === 'stepExpected' ? 40 : undefined })),
    rows: out,
  };
}

async function matrixSheet(db: Executor, projectId: string, { t, all }: Translators): Promise<XlsxSheet> {
  const { rows } = await listTraceabilityMatrix(db, projectId);
  const columns = ['ref', 'title', 'priority', 'status', 'coverage', 'specifications', 'suspectSpecifications', 'testCases'] as const;
  return {
    name: t('sheets.matrix'),
    columns: columns.map((c) => ({ header: t(`columns.${c}`), width: c === 'title' ? 50 : undefined })),
    rows: rows.map((r) => [
      formatRef('requirement', r.number),
      r.title,
      all(`requirements.priorities.${r.priority}`),
      all(`requirements.statuses.${r.status}`),
      all(`traceability.coverage.${r.coverage}`),
      refs('specification', r.specifications.map(([number]) => number)),
      refs('specification', r.specifications.filter(([, , suspect]) => suspect).map(([number]) => number)),
      refs('testCase', r.testCases.map(([number]) => number)),
    ]),
  };
}

export async function campaignSheet(db: Executor, projectId: string, campaignId: string, { t, all }: Translators): Promise<XlsxSheet> {
  const rows = await campaignResultsForExport(db, projectId, campaignId);
  const columns = ['position', 'ref', 'title', 'folder', 'plannedVersion', 'result', 'notRunReason', 'executedBy', 'startedAt', 'finishedAt', 'comment', 'anomalies'] as const;
  return {
    name: t('sheets.campaign'),
    columns: columns.map((c) => ({ header: t(`columns.${c}`), width: c === 'title' || c === 'comment' ? 40 : c === 'startedAt' || c === 'finishedAt' ? 18 : undefined })),
    rows: rows.map((r, index) => [
      index + 1,
      formatRef('testCase', r.testCaseNumber),
      r.title,
      r.folder,
      r.plannedVersion,
      all(`campaigns.states.${r.state}`),
      r.notRunReason ?? '',
      r.executedByName ?? '',
      r.startedAt,
      r.finishedAt,
      r.comment ?? '',
      r.anomalyNumbers.map((n) => formatRef('anomaly', n)).join(', '),
    ]),
  };
}

/**
 * The sheet of one export, read in one statement whatever the project's size (the campaign's in one more, to find
 * the campaign): the route and the set-based test share it.
 */
export function projectSheet(db: Executor, projectId: string, what: Exclude<Export, 'campaign'>, tr: Translators): Promise<XlsxSheet> {
  if (what === 'requirements') return requirementsSheet(db, projectId, tr);
  if (what === 'testCases') return testCasesSheet(db, projectId, tr);
  return matrixSheet(db, projectId, tr);
}
