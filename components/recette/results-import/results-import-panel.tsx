'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FormError } from '@/components/forms/form-status';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { Action, ActionFailure } from '@/lib/actions/result';
import type { ResultsImportSummary, ResultsPreview } from '@/lib/interop/import-view';
import { RESULT_UPLOAD_LIMITS } from '@/lib/interop/upload-limits';
import { ResultsPreviewTables } from './results-preview-tables';

type Summary = ResultsImportSummary;

interface Props {
  projectKey: string;
  campaignId: string;
  campaignHref: string;
  defaults: { build: string; environment: string };
  preview: Action<FormData, ResultsPreview>;
  importResults: Action<FormData, Summary>;
}

type Progress = { phase: 'reading'; percent: number } | { phase: 'sending' } | null;

/**
 * Reads the chosen files in the browser (the progress bar follows the bytes read), then sends them for a preview;
 * the import sends the same bytes again with the build, environment and choice about proposed test cases. Nothing
 * is written before "Importer".
 */
async function readFiles(files: readonly File[], onProgress: (percent: number) => void): Promise<File[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0) || 1;
  let done = 0;
  const out: File[] = [];
  for (const file of files) {
    const chunks: BlobPart[] = [];
    const reader = file.stream().getReader();
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      chunks.push(value);
      done += value.byteLength;
      onProgress(Math.round((done / total) * 100));
    }
    out.push(new File(chunks, file.name, { type: file.type }));
  }
  return out;
}

export function ResultsImportPanel({ projectKey, campaignId, campaignHref, defaults, preview, importResults }: Props) {
  const t = useTranslations('resultsImport');
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [read, setRead] = useState<File[] | null>(null);
  const [build, setBuild] = useState(defaults.build);
  const [environment, setEnvironment] = useState(defaults.environment);
  const [createProposed, setCreateProposed] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [shown, setShown] = useState<ResultsPreview | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const busy = progress !== null;

  const formOf = (chosen: readonly File[]) => {
    const form = new FormData();
    form.set('projectKey', projectKey);
    form.set('campaignId', campaignId);
    for (const f of chosen) form.append('files', f);
    return form;
  };

  async function runPreview() {
    setFailure(null);
    setLocalError(null);
    setShown(null);
    setSummary(null);
    if (files.length === 0) return setLocalError(t('noFile'));
    if (files.reduce((sum, f) => sum + f.size, 0) > RESULT_UPLOAD_LIMITS.maxUploadBytes) return setLocalError(t('tooBig'));
    setProgress({ phase: 'reading', percent: 0 });
    try {
      const bytes = await readFiles(files, (percent) => setProgress({ phase: 'reading', percent }));
      setProgress({ phase: 'sending' });
      const result = await preview(formOf(bytes));
      if (result.ok) {
        setRead(bytes);
        setShown(result.data);
      } else setFailure(result);
    } finally {
      setProgress(null);
    }
  }

  async function runImport() {
    if (!read) return;
    setFailure(null);
    setProgress({ phase: 'sending' });
    try {
      const form = formOf(read);
      form.set('build', build);
      form.set('environment', environment);
      if (createProposed) form.set('createProposed', 'on');
      const result = await importResults(form);
      if (result.ok) {
        setSummary(result.data);
        setShown(null);
      } else setFailure(result);
    } finally {
      setProgress(null);
    }
  }

  const details = failure?.details as { file?: string; detail?: string } | undefined;
  return (
    <div className="flex flex-col gap-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1 sm:col-span-2">
          <Label htmlFor={`${id}-files`}>{t('files')}</Label>
          <Input
            id={`${id}-files`}
            type="file"
            multiple
            accept=".xml,.jtl,.csv,.json,.zip"
            aria-describedby={`${id}-files-hint`}
            disabled={busy}
            data-testid="results-files"
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
              setShown(null);
              setRead(null);
              setSummary(null);
            }}
          />
          <p id={`${id}-files-hint`} className="text-xs text-muted-foreground">
            {t('filesHint')}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-build`}>{t('build')}</Label>
          <Input id={`${id}-build`} value={build} maxLength={200} onChange={(e) => setBuild(e.target.value)} disabled={busy} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-env`}>{t('environment')}</Label>
          <Input id={`${id}-env`} value={environment} maxLength={200} onChange={(e) => setEnvironment(e.target.value)} disabled={busy} />
        </div>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" checked={createProposed} onChange={(e) => setCreateProposed(e.target.checked)} disabled={busy} />
          {t('createProposed')}
        </label>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant={shown ? 'outline' : 'default'} onClick={runPreview} disabled={busy}>
          {t('preview')}
        </Button>
        {shown && (
          <Button type="button" onClick={runImport} disabled={busy} data-testid="results-import">
            {t('import')}
          </Button>
        )}
      </div>

      {progress && (
        <div className="flex flex-col gap-1" role="status" data-testid="results-progress">
          <progress
            className="h-2 w-full"
            aria-label={t('progress')}
            max={100}
            {...(progress.phase === 'reading' ? { value: progress.percent } : {})}
          />
          <span className="text-sm text-muted-foreground">{progress.phase === 'reading' ? t('reading', { percent: progress.percent }) : t('sending')}</span>
        </div>
      )}

      {localError && (
        <Alert variant="destructive" role="alert" data-testid="form-error">
          {localError}
        </Alert>
      )}
      {failure && (
        <div className="flex flex-col gap-1">
          <FormError failure={failure} />
          {details?.file && <p className="text-sm text-destructive">{t('refusedFile', { file: details.file })}</p>}
          {details?.detail && <p className="break-words font-mono text-xs text-destructive">{t('refusedDetail', { detail: details.detail })}</p>}
        </div>
      )}

      {summary && (
        <Alert role="status" data-testid="results-done">
          <p>{t('done', { executions: summary.executions, passed: summary.passed, failed: summary.failed, open: summary.open, created: summary.createdTestCases })}</p>
          <Link href={campaignHref} className="font-medium underline">
            {t('seeCampaign')}
          </Link>
        </Alert>
      )}

      {shown && <ResultsPreviewTables preview={shown} />}
    </div>
  );
}
