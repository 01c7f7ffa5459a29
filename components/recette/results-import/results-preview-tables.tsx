'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ResultsPreview } from '@/lib/interop/import-view';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="flex flex-col gap-2" data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="overflow-x-auto">{children}</div>
    </section>
  );
}

/** The preview of an import: what will be recorded, what will be created, what is left out and why. */
export function ResultsPreviewTables({ preview }: { preview: ResultsPreview }) {
  const t = useTranslations('resultsImport');
  const more = (shown: number, total: number) =>
    total > shown ? <p className="text-sm text-muted-foreground">{t('more', { count: total - shown })}</p> : null;
  return (
    <div className="flex flex-col gap-6" data-testid="results-preview">
      <p className="font-medium" role="status">
        {t('summary', preview.executions)}
      </p>

      <Section title={t('filesHeading')} testId="preview-files">
        <ul className="flex flex-col gap-1 text-sm">
          {preview.files.map((f) => (
            <li key={f.name}>
              <span className="font-mono">{f.name}</span> — {t('fileKind', { kind: f.kind })}, {t('fileCases', { count: f.cases })}
              {f.kind === 'junit' && <>, {t('fileCounts', { failures: f.failures, errors: f.errors, skipped: f.skipped })}</>}
              {f.contradicts && <span className="block text-amber-800 dark:text-amber-300">{t('contradicts', { declared: f.declaredTests ?? 0, found: f.cases })}</span>}
            </li>
          ))}
        </ul>
        {preview.ignored.length > 0 && <p className="text-sm text-muted-foreground">{t('ignored', { names: preview.ignored.join(', ') })}</p>}
      </Section>

      {preview.matchedTotal > 0 && (
        <Section title={t('matchedHeading', { count: preview.matchedTotal })} testId="preview-matched">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('ref')}</TableHead>
                <TableHead>{t('testCase')}</TableHead>
                <TableHead>{t('result')}</TableHead>
                <TableHead>{t('scope')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.matched.map((m) => (
                <TableRow key={`${m.ref}-${m.result}`}>
                  <TableCell className="font-mono">{m.ref}</TableCell>
                  <TableCell>{m.title}</TableCell>
                  <TableCell>
                    <Badge variant={m.result === 'failed' ? 'warning' : 'outline'}>{t(`results.${m.result}`)}</Badge>
                  </TableCell>
                  <TableCell>{m.inScope ? t('inScope') : t('addedToScope')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {more(preview.matched.length, preview.matchedTotal)}
        </Section>
      )}

      {preview.performance.length > 0 && (
        <Section title={t('performanceHeading', { count: preview.performance.length })} testId="preview-performance">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('testCase')}</TableHead>
                <TableHead>{t('metric')}</TableHead>
                <TableHead>{t('measured')}</TableHead>
                <TableHead>{t('threshold')}</TableHead>
                <TableHead>{t('result')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.performance.flatMap((p) =>
                p.measurements.map((m, i) => (
                  <TableRow key={`${p.ref}-${i}`}>
                    <TableCell>{i === 0 && <><span className="font-mono">{p.ref}</span> {p.title}</>}</TableCell>
                    <TableCell>{m.metric}</TableCell>
                    <TableCell>{m.value === null ? t('notMeasured') : `${m.value} ${m.unit}`}</TableCell>
                    <TableCell>{m.direction === 'at_most' ? t('atMost', { threshold: m.threshold, unit: m.unit }) : t('atLeast', { threshold: m.threshold, unit: m.unit })}</TableCell>
                    <TableCell>{t(`statuses.${m.status as 'passed' | 'failed' | 'not_measured'}`)}</TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
          {preview.unusedSamples.length > 0 && (
            <p className="text-sm text-muted-foreground">{t('unusedSamples', { labels: preview.unusedSamples.map((s) => s.label).join(', ') })}</p>
          )}
        </Section>
      )}

      {preview.proposedTotal > 0 && (
        <Section title={t('proposedHeading', { count: preview.proposedTotal })} testId="preview-proposed">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('automationKey')}</TableHead>
                <TableHead>{t('folder')}</TableHead>
                <TableHead>{t('result')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.proposed.map((p) => (
                <TableRow key={p.automationKey}>
                  <TableCell className="break-all font-mono text-xs">{p.automationKey}</TableCell>
                  <TableCell>{p.folder}</TableCell>
                  <TableCell>{t(`results.${p.outcome}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {more(preview.proposed.length, preview.proposedTotal)}
        </Section>
      )}

      {preview.unmatchedTotal > 0 && (
        <Section title={t('unmatchedHeading', { count: preview.unmatchedTotal })} testId="preview-unmatched">
          <p className="text-sm text-muted-foreground">{t('unmatchedHint')}</p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t('testName')}</TableHead>
                <TableHead>{t('file')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.unmatched.map((u, i) => (
                <TableRow key={`${u.fileName}-${i}`}>
                  <TableCell className="break-all">{[u.classname, u.name].filter(Boolean).join(' › ') || '—'}</TableCell>
                  <TableCell className="font-mono text-xs">{u.fileName}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {more(preview.unmatched.length, preview.unmatchedTotal)}
        </Section>
      )}

      {preview.skippedTotal > 0 && <p className="text-sm">{t('skippedHeading', { refs: preview.skipped.join(', ') })}</p>}
      {preview.notRun.length > 0 && <p className="text-sm">{t('notRunHeading', { refs: preview.notRun.join(', ') })}</p>}
    </div>
  );
}
