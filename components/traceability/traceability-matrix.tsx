'use client';

import { AlertTriangle } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { CoverageBadge } from '@/components/traceability/badges';
import { VirtualRows } from '@/components/traceability/virtual-rows';
import { Badge } from '@/components/ui/badge';
import {
  REQUIREMENT_PRIORITIES,
  REQUIREMENT_STATUSES,
  type RequirementPriority,
  type RequirementStatus,
} from '@/lib/requirements/model';
import { SPECIFICATION_STATUSES, type SpecificationStatus } from '@/lib/specifications/model';
import type { CoverageState } from '@/lib/traceability/coverage';
import { formatRef } from '@/lib/traceability/refs';
import type { ExecutionResult } from '@/lib/recette/campaign-model';
import { cn } from '@/lib/ui/cn';

export interface MatrixRowData {
  number: number;
  title: string;
  priority: RequirementPriority;
  status: RequirementStatus;
  coverage: CoverageState;
  /** [number, status, linkId when the link is suspect, else null] per linked specification. */
  specifications: [number, SpecificationStatus, string | null][];
  /**
   * [number, whether a link to it is suspect, its latest recorded result or null] per test case verifying the
   * requirement (directly or through a spec).
   */
  testCases: [number, boolean, ExecutionResult | null][];
}

const CHIP_STYLE: Record<SpecificationStatus, string> = {
  approved: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  draft: 'border-dashed border-slate-300 bg-background text-foreground',
  in_review: 'border-dashed border-slate-300 bg-background text-foreground',
  superseded: 'border-slate-200 bg-muted text-muted-foreground line-through',
};
const SUSPECT_CHIP = 'border-amber-400 bg-amber-100 text-amber-950 font-semibold';
const TEST_RESULTS = ['passed', 'failed', 'blocked'] as const satisfies readonly ExecutionResult[];
const TEST_CHIP: Record<ExecutionResult | 'none', string> = {
  passed: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  failed: 'border-red-300 bg-red-50 text-red-900',
  blocked: 'border-slate-400 bg-slate-100 text-slate-900',
  none: 'border-slate-300 bg-background',
};
const rowKey = (row: MatrixRowData) => String(row.number);

/** The page's filters, passed on to the GET route for the windows after the first. */
export type MatrixQuery = Partial<Record<'q' | 'coverage' | 'status' | 'priority', string>>;

interface MatrixWindowData {
  rows: MatrixRowData[];
  total: number;
}

async function fetchWindow(projectKey: string, filters: MatrixQuery, offset: number, limit: number): Promise<MatrixWindowData> {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  const response = await fetch(`/api/projects/${encodeURIComponent(projectKey)}/traceability/matrix?${params}`, {
    headers: { Accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as (MatrixWindowData & { message?: string }) | null;
  if (!response.ok || !body?.rows) throw new Error(body?.message ?? response.statusText);
  return body;
}

/**
 * The matrix rows as the table scrolls: the first window comes with the page, the windows in view are read from the
 * GET route (each once, by its offset), so the page never carries the whole project.
 */
function useMatrixRows(projectKey: string, filters: MatrixQuery, first: MatrixWindowData, windowSize: number) {
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const onRangeChange = useCallback((from: number, to: number) => setRange([from, to]), []);
  const needed: number[] = [];
  for (let w = Math.floor(range[0] / windowSize); w <= Math.floor(range[1] / windowSize); w += 1) {
    if (w > 0 && w * windowSize < first.total) needed.push(w);
  }
  const windows = useQueries({
    queries: needed.map((w) => ({
      queryKey: ['traceability-matrix', projectKey, filters, w],
      queryFn: () => fetchWindow(projectKey, filters, w * windowSize, windowSize),
      // Read again when scrolled back to, shown from the cache meanwhile: links change while people work.
      staleTime: 0,
    })),
  });
  // A sparse array as long as the matrix: rows not read yet are drawn as pending by the table.
  const rows: (MatrixRowData | undefined)[] = new Array(first.total);
  first.rows.forEach((row, i) => (rows[i] = row));
  windows.forEach((result, i) => result.data?.rows.forEach((row, j) => (rows[needed[i]! * windowSize + j] = row)));
  return { rows, onRangeChange, failed: windows.some((w) => w.isError) };
}

/** One row per requirement with its coverage and the refs of its specifications; suspect links stand out. */
export function TraceabilityMatrix({
  projectKey,
  filters,
  first,
  windowSize,
}: {
  projectKey: string;
  filters: MatrixQuery;
  first: MatrixWindowData;
  windowSize: number;
}) {
  const t = useTranslations('traceability');
  const { rows, onRangeChange, failed } = useMatrixRows(projectKey, filters, first, windowSize);
  const tv = useTranslations();
  const tt = useTranslations('testCases');
  const base = `/projects/${encodeURIComponent(projectKey)}`;
  // Labels looked up once, not once per cell: the matrix may draw thousands of cells while scrolling.
  const labels = useMemo(
    () => ({
      priority: Object.fromEntries(REQUIREMENT_PRIORITIES.map((p) => [p, tv(`requirements.priorities.${p}`)])),
      status: Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, tv(`requirements.statuses.${s}`)])),
      specStatus: Object.fromEntries(SPECIFICATION_STATUSES.map((s) => [s, tv(`specifications.statuses.${s}`)])),
      none: t('matrix.none'),
      testSuspect: (ref: string) => tt('matrix.chipSuspect', { ref }),
      testResult: Object.fromEntries(
        [...TEST_RESULTS, 'none' as const].map((r) => [r, t(`matrix.testResults.${r}`)]),
      ) as Record<ExecutionResult | 'none', string>,
    }),
    [t, tt, tv],
  );

  const renderCells = useCallback(
    (row: MatrixRowData) => {
      const ref = formatRef('requirement', row.number);
      return [
        <Link
          key="ref"
          href={`${base}/requirements/${ref}`}
          className="font-mono font-medium text-primary hover:underline"
          data-testid={`matrix-row-${ref}`}
        >
          {ref}
        </Link>,
        <span key="title" className="line-clamp-2" title={row.title}>
          {row.title}
        </span>,
        <span key="priority">{labels.priority[row.priority]}</span>,
        <span key="status" className={cn(row.status === 'obsolete' && 'text-muted-foreground')}>
          {labels.status[row.status]}
        </span>,
        <CoverageBadge key="coverage" state={row.coverage} />,
        row.specifications.length === 0 ? (
          <span key="specs" className="text-muted-foreground">
            {labels.none}
          </span>
        ) : (
          <ul key="specs" className="flex flex-wrap gap-1">
            {row.specifications.map(([number, status, suspectLinkId]) => {
              const specRef = formatRef('specification', number);
              return (
                <li key={number}>
                  <Link
                    href={suspectLinkId ? `${base}/traceability/review/${suspectLinkId}` : `${base}/specifications/${specRef}`}
                    title={suspectLinkId ? t('matrix.chipSuspect', { ref: specRef }) : `${specRef} · ${labels.specStatus[status]}`}
                    data-suspect={suspectLinkId ? 'true' : undefined}
                    className={cn(
                      'inline-flex items-center gap-1 rounded border px-1.5 py-0.5 font-mono text-xs hover:ring-2 hover:ring-ring/40',
                      suspectLinkId ? SUSPECT_CHIP : CHIP_STYLE[status],
                    )}
                  >
                    {suspectLinkId && <AlertTriangle className="size-3" aria-hidden />}
                    {specRef}
                  </Link>
                </li>
              );
            })}
          </ul>
        ),
        row.testCases.length === 0 ? (
          <span key="tests" className="text-muted-foreground">
            {labels.none}
          </span>
        ) : (
          <ul key="tests" className="flex flex-wrap gap-1" data-testid={`matrix-tests-${ref}`}>
            {row.testCases.map(([number, suspect, result]) => {
              const testRef = formatRef('testCase', number);
              const resultLabel = labels.testResult[result ?? 'none'];
              return (
                <li key={number}>
                  <Link
                    href={`${base}/test-cases/${testRef}`}
                    title={suspect ? `${labels.testSuspect(testRef)} · ${resultLabel}` : `${testRef} · ${resultLabel}`}
                    data-suspect={suspect ? 'true' : undefined}
                    data-result={result ?? 'none'}
                    className={cn(
                      'inline-flex items-center gap-1 rounded border px-1.5 py-0.5 font-mono text-xs hover:ring-2 hover:ring-ring/40',
                      suspect ? SUSPECT_CHIP : TEST_CHIP[result ?? 'none'],
                    )}
                  >
                    {suspect && <AlertTriangle className="size-3" aria-hidden />}
                    {testRef}
                  </Link>
                </li>
              );
            })}
          </ul>
        ),
      ];
    },
    [base, labels, t],
  );

  return (
    <div className="flex flex-col gap-2">
      <VirtualRows
        label={t('matrix.label')}
        testId="traceability-matrix"
        rows={rows}
        rowCount={first.total}
        onRangeChange={onRangeChange}
        pendingLabel={t('matrix.loadingRows')}
        resetKey={JSON.stringify(filters)}
        rowKey={rowKey}
        minWidth="72rem"
        columns={[
          { label: t('matrix.requirement'), width: '6.5rem' },
          { label: t('matrix.title'), width: 'minmax(14rem, 2fr)' },
          { label: t('matrix.priority'), width: '7rem' },
          { label: t('matrix.status'), width: '7rem' },
          { label: t('matrix.coverage'), width: '8rem' },
          { label: t('matrix.specifications'), width: 'minmax(14rem, 2fr)' },
          { label: tt('matrix.column'), width: 'minmax(12rem, 2fr)' },
        ]}
        renderCells={renderCells}
      />
      {failed && (
        <p className="text-sm text-destructive" role="alert">
          {t('matrix.loadFailed')}
        </p>
      )}
      <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <span>{t('matrix.legend')}</span>
        <Badge variant="outline" className={CHIP_STYLE.approved}>
          STD
        </Badge>
        <span>{t('matrix.legendApproved')}</span>
        <Badge variant="outline" className={CHIP_STYLE.draft}>
          STD
        </Badge>
        <span>{t('matrix.legendDraft')}</span>
        <Badge variant="outline" className={CHIP_STYLE.superseded}>
          STD
        </Badge>
        <span>{t('matrix.legendSuperseded')}</span>
        <Badge variant="outline" className={cn('gap-1', SUSPECT_CHIP)}>
          <AlertTriangle className="size-3" aria-hidden />
          STD
        </Badge>
        <span>{t('matrix.legendSuspect')}</span>
        <Badge variant="outline" className={TEST_CHIP.passed}>
          CT
        </Badge>
        <span>{t('matrix.legendTestPassed')}</span>
        <Badge variant="outline" className={TEST_CHIP.failed}>
          CT
        </Badge>
        <span>{t('matrix.legendTestFailed')}</span>
      </p>
    </div>
  );
}
