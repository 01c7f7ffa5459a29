'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { Action } from '@/lib/actions/result';
import { importFields, type ColumnMapping, type ImportField, type ImportKind, guessMapping } from '@/lib/import/columns';
import { parseCsv, type CsvSeparator } from '@/lib/import/csv-read';
import type { ImportReport } from '@/lib/import/report';
import type { SheetRow } from '@/lib/import/rows';
import { IMPORT_LIMITS, sheetOf, type Sheet, type SheetProblem } from '@/lib/import/sheet';

export interface ImportInput {
  projectKey: string;
  rows: SheetRow[];
  mapping: ColumnMapping;
  dryRun: boolean;
}

const SEPARATOR_NAMES: Record<CsvSeparator, 'semicolon' | 'comma' | 'tab'> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };
const MB = 1024 * 1024;

/** The file read in the browser: CSV by our reader, .xlsx by exceljs, loaded only when such a file is chosen. */
async function readFile(file: File): Promise<{ sheet: Sheet; separator?: CsvSeparator } | { problem: SheetProblem }> {
  if (file.size > IMPORT_LIMITS.fileBytes) return { problem: 'fileTooLarge' };
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) {
    const { separator, rows } = parseCsv(await file.text());
    const sheet = sheetOf(rows);
    return 'problem' in sheet ? sheet : { sheet, separator };
  }
  if (name.endsWith('.xlsx')) {
    const { readXlsx } = await import('@/lib/import/xlsx-read');
    const sheet = await readXlsx(await file.arrayBuffer());
    return 'problem' in sheet ? sheet : { sheet };
  }
  return { problem: 'unsupportedFormat' };
}

/**
 * Upload → column mapping → dry run → import. Nothing is written until the person confirms a check that found no
 * error; changing the mapping asks for a new check.
 */
export function ImportWizard({
  kind,
  projectKey,
  listHref,
  save,
}: {
  kind: ImportKind;
  projectKey: string;
  listHref: string;
  save: Action<ImportInput, ImportReport>;
}) {
  const t = useTranslations('spreadsheets.import');
  const router = useRouter();
  const fileId = useId();
  const [fileName, setFileName] = useState('');
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [separator, setSeparator] = useState<CsvSeparator | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [pending, startTransition] = useTransition();
  const [running, setRunning] = useState<'check' | 'import' | null>(null);
  const fields = importFields(kind);

  const limits = { rows: IMPORT_LIMITS.rows, columns: IMPORT_LIMITS.columns, megabytes: IMPORT_LIMITS.fileBytes / MB, chars: IMPORT_LIMITS.cellChars };

  async function choose(file: File | undefined) {
    setSheet(null);
    setReport(null);
    setDone(null);
    setFailure(null);
    setProblem(null);
    if (!file) return;
    setFileName(file.name);
    setReading(true);
    try {
      const read = await readFile(file);
      if ('problem' in read) setProblem(t(`problems.${read.problem}`, { ...limits, megabytes: read.problem === 'payloadTooLarge' ? IMPORT_LIMITS.payloadBytes / MB : limits.megabytes }));
      else {
        setSheet(read.sheet);
        setSeparator(read.separator);
        setMapping(guessMapping(kind, read.sheet.headers));
      }
    } catch {
      setProblem(t('problems.unreadable'));
    } finally {
      setReading(false);
    }
  }

  function assign(column: number, field: ImportField | '') {
    setReport(null);
    setMapping((current) => {
      const next: ColumnMapping = {};
      for (const [f, c] of Object.entries(current) as [ImportField, number][]) if (c !== column && f !== field) next[f] = c;
      if (field) next[field] = column;
      return next;
    });
  }

  function run(dryRun: boolean) {
    if (!sheet) return;
    const input: ImportInput = { projectKey, rows: sheet.rows, mapping, dryRun };
    if (new TextEncoder().encode(JSON.stringify(input)).byteLength > IMPORT_LIMITS.payloadBytes) {
      setProblem(t('problems.payloadTooLarge', { megabytes: IMPORT_LIMITS.payloadBytes / MB }));
      return;
    }
    setFailure(null);
    setRunning(dryRun ? 'check' : 'import');
    startTransition(async () => {
      const result = await save(input);
      setRunning(null);
      if (result.ok) {
        if (dryRun) setReport(result.data);
        else {
          setDone(result.data);
          setReport(null);
          router.refresh();
        }
      } else {
        setFailure(result.message);
        const details = result.details as ImportReport | undefined;
        if (details?.counts) setReport(details);
      }
    });
  }

  const columnField = new Map(Object.entries(mapping).map(([f, c]) => [c, f as ImportField]));
  const busy = pending || reading;

  if (done) {
    return (
      <div className="flex flex-col gap-3">
        <Alert variant="success" role="status" data-testid="import-done">
          {t('done', { create: done.counts.create, update: done.counts.update })}
          {done.created && done.created.length > 0 && <span className="ml-1 font-mono text-xs">{done.created.slice(0, 20).join(', ')}</span>}
        </Alert>
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href={listHref}>{t('back')}</Link>
          </Button>
          <Button variant="outline" onClick={() => setDone(null)}>
            {t('restart')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${fileId}-step1`} className="flex flex-col gap-2">
        <h2 id={`${fileId}-step1`} className="text-lg font-semibold">
          {t('step1')}
        </h2>
        <Label htmlFor={fileId}>{t('file')}</Label>
        <input
          id={fileId}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          className="block w-full max-w-md text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-background file:px-3 file:py-1.5 file:text-sm"
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
          disabled={busy}
          aria-describedby={`${fileId}-limits`}
        />
        <p id={`${fileId}-limits`} className="text-xs text-muted-foreground">
          {t('limits', limits)}
        </p>
        <div role="status" aria-live="polite" className="text-sm">
          {reading && t('reading')}
          {sheet && (
            <span data-testid="import-file-summary">
              {t('fileSummary', { name: fileName, rows: sheet.rows.length, columns: sheet.headers.length })}
              {separator && ` ${t('separator', { separator: t(`separators.${SEPARATOR_NAMES[separator]}`) })}`}
            </span>
          )}
        </div>
        {problem && (
          <Alert variant="destructive" role="alert" data-testid="import-problem">
            {problem}
          </Alert>
        )}
      </section>

      {sheet && (
        <section aria-labelledby={`${fileId}-step2`} className="flex flex-col gap-2">
          <h2 id={`${fileId}-step2`} className="text-lg font-semibold">
            {t('step2')}
          </h2>
          <p className="text-sm text-muted-foreground">{t('mappingHelp')}</p>
          <div className="overflow-x-auto rounded-md border">
            <Table data-testid="import-mapping">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t('column')}</TableHead>
                  <TableHead scope="col">{t('sample')}</TableHead>
                  <TableHead scope="col">{t('field')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sheet.headers.map((header, column) => (
                  <TableRow key={column}>
                    <TableHead scope="row" className="font-medium">
                      {header || `#${column + 1}`}
                    </TableHead>
                    <TableCell className="max-w-64 truncate text-muted-foreground">{sheet.rows[0]?.cells[column] ?? ''}</TableCell>
                    <TableCell>
                      <NativeSelect
                        aria-label={`${t('field')} — ${header || `#${column + 1}`}`}
                        value={columnField.get(column) ?? ''}
                        onChange={(event) => assign(column, event.currentTarget.value as ImportField | '')}
                        disabled={busy}
                      >
                        <option value="">{t('ignore')}</option>
                        {fields.map((field) => (
                          <option key={field} value={field}>
                            {t(`fields.${field}`)}
                          </option>
                        ))}
                      </NativeSelect>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {mapping.title === undefined && mapping.ref === undefined && (
            <p className="text-sm text-destructive" data-testid="import-title-required">
              {t('titleRequired')}
            </p>
          )}
          <div>
            <Button onClick={() => run(true)} disabled={busy || (mapping.title === undefined && mapping.ref === undefined)} data-testid="import-check">
              {running === 'check' ? t('checking') : t('check')}
            </Button>
          </div>
        </section>
      )}

      {sheet && (report || failure) && (
        <section aria-labelledby={`${fileId}-step3`} className="flex flex-col gap-3">
          <h2 id={`${fileId}-step3`} className="text-lg font-semibold">
            {t('step3')}
          </h2>
          {failure && (
            <Alert variant="destructive" role="alert" data-testid="import-failure">
              {failure}
            </Alert>
          )}
          {report && <ImportReportView report={report} kind={kind} />}
          {report && report.counts.errors === 0 && !failure && (
            <div>
              <Button onClick={() => run(false)} disabled={busy || report.counts.create + report.counts.update === 0} data-testid="import-confirm">
                {running === 'import' ? t('importing') : t('confirm')}
              </Button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function ImportReportView({ report, kind }: { report: ImportReport; kind: ImportKind }) {
  const t = useTranslations('spreadsheets.import');
  const fieldName = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field);
  return (
    <div className="flex flex-col gap-3" data-kind={kind}>
      <p role="status" className="text-sm font-medium" data-testid="import-counts">
        {t('counts', report.counts)}{' '}
        {report.counts.errors > 0 ? t('errorCount', { count: report.counts.errors }) : t('noErrors')}
      </p>
      {report.errors.length > 0 && (
        <div className="flex flex-col gap-1">
          <h3 className="font-medium">{t('errorsTitle')}</h3>
          <div className="overflow-x-auto rounded-md border">
            <Table data-testid="import-errors">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t('columns.line')}</TableHead>
                  <TableHead scope="col">{t('columns.field')}</TableHead>
                  <TableHead scope="col">{t('columns.problem')}</TableHead>
                  <TableHead scope="col">{t('columns.value')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.errors.map((error, index) => (
                  <TableRow key={index}>
                    <TableCell className="tabular-nums">{error.line}</TableCell>
                    <TableCell>{error.field ? fieldName(error.field) : ''}</TableCell>
                    <TableCell>{t(`errors.${error.code}`)}</TableCell>
                    <TableCell className="max-w-64 truncate font-mono text-xs">{error.value ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {report.errors.length < report.counts.errors && <p className="text-xs text-muted-foreground">{t('truncated', { count: report.errors.length })}</p>}
        </div>
      )}
      {report.items.length > 0 && (
        <div className="flex flex-col gap-1">
          <h3 className="font-medium">{t('itemsTitle')}</h3>
          <div className="max-h-96 overflow-auto rounded-md border" tabIndex={0} role="region" aria-label={t('itemsTitle')}>
            <Table data-testid="import-items">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t('columns.line')}</TableHead>
                  <TableHead scope="col">{t('columns.outcome')}</TableHead>
                  <TableHead scope="col">{t('columns.ref')}</TableHead>
                  <TableHead scope="col">{t('columns.title')}</TableHead>
                  <TableHead scope="col">{t('columns.changed')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.items.map((item) => (
                  <TableRow key={item.line}>
                    <TableCell className="tabular-nums">{item.line}</TableCell>
                    <TableCell>{t(`outcomes.${item.outcome}`)}</TableCell>
                    <TableCell className="font-mono text-xs">{item.ref ?? ''}</TableCell>
                    <TableCell>{item.title}</TableCell>
                    <TableCell className="text-xs">{item.changed.map(fieldName).join(', ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {report.items.length < report.counts.create + report.counts.update + report.counts.unchanged && (
            <p className="text-xs text-muted-foreground">{t('truncated', { count: report.items.length })}</p>
          )}
        </div>
      )}
    </div>
  );
}
