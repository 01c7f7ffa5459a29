'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import type { ActionResult } from '@/lib/actions/result';
import { CONFLICT_CHOICES, type ConflictChoice } from '@/lib/interop/reqif/plan';
import type { ImportPreview } from '@/lib/interop/reqif/preview';

interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  relations: number;
}
type ImportAction = (input: {
  projectKey: string;
  uploadId: string;
  decisions: { identifier: string; choice: ConflictChoice }[];
}) => Promise<ActionResult<ImportOutcome>>;

const STATUSES = ['new', 'changed', 'unchanged', 'conflict'] as const;

/** Upload → preview (counts, conflicts with a choice each, warnings) → one import. */
export function ReqifImport({ projectKey, basePath, importReqif }: { projectKey: string; basePath: string; importReqif: ImportAction }) {
  const t = useTranslations('reqif');
  const router = useRouter();
  const fileId = useId();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [upload, setUpload] = useState<{ uploadId: string; fileName: string; preview: ImportPreview } | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [done, setDone] = useState<ImportOutcome | null>(null);
  const [importing, startImport] = useTransition();

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setUpload(null);
    setDone(null);
    setLoading(true);
    try {
      const response = await fetch(`/api/projects/${encodeURIComponent(projectKey)}/reqif/uploads`, { method: 'POST', body: form });
      const body = (await response.json()) as { message?: string; uploadId?: string; fileName?: string; preview?: ImportPreview };
      if (!response.ok || !body.uploadId || !body.preview) setError(body.message ?? t('refusals.malformed', { detail: '' }));
      else {
        setUpload({ uploadId: body.uploadId, fileName: body.fileName ?? '', preview: body.preview });
        setChoices(Object.fromEntries(body.preview.conflicts.map((c) => [c.identifier, 'skip' as const])));
      }
    } catch {
      setError(t('refusals.malformed', { detail: '' }));
    } finally {
      setLoading(false);
    }
  }

  function onImport() {
    if (!upload) return;
    startImport(async () => {
      const result = await importReqif({
        projectKey,
        uploadId: upload.uploadId,
        decisions: Object.entries(choices).map(([identifier, choice]) => ({ identifier, choice })),
      });
      if (result.ok) {
        setDone(result.data);
        setUpload(null);
        router.refresh();
      } else setError(result.message);
    });
  }

  const preview = upload?.preview;
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardContent className="p-5">
          <form onSubmit={onPreview} className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <div className="flex flex-1 flex-col gap-1.5">
              <Label htmlFor={fileId}>{t('file')}</Label>
              <input
                id={fileId}
                name="file"
                type="file"
                required
                accept=".reqif,.reqifz,.xml,.zip"
                className="block w-full rounded-md border bg-background px-3 py-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-secondary file:px-3 file:py-1"
              />
            </div>
            <Button type="submit" disabled={loading}>
              {loading ? t('previewing') : t('preview')}
            </Button>
          </form>
        </CardContent>
      </Card>

      {error && (
        <Alert variant="destructive" role="alert" data-testid="reqif-error">
          {error}
        </Alert>
      )}
      {done && (
        <Alert variant="success" role="status" data-testid="reqif-done">
          {t('done', { created: done.created, updated: done.updated, skipped: done.skipped, relations: done.relations })}{' '}
          <Link href={`${basePath}?view=tree`} className="font-medium underline">
            {t('back')}
          </Link>
        </Alert>
      )}

      {preview && (
        <Card data-testid="reqif-preview">
          <CardHeader>
            <CardTitle>{t('previewTitle')}</CardTitle>
            <p className="text-sm text-muted-foreground">{t('source', { tool: preview.toolId || '—', title: preview.title || upload.fileName })}</p>
            <p className="text-sm">{t('structure', { objects: preview.objects, depth: preview.depth, relations: preview.relations })}</p>
          </CardHeader>
          <CardContent className="flex flex-col gap-5">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {STATUSES.map((status) => (
                <div key={status} className="rounded-md border p-3">
                  <dt className="text-xs text-muted-foreground">{t(`counts.${status}`)}</dt>
                  <dd className="text-xl font-semibold" data-testid={`reqif-count-${status}`}>
                    {preview.counts[status]}
                  </dd>
                </div>
              ))}
            </dl>

            {preview.conflicts.length > 0 && (
              <section className="flex flex-col gap-2" aria-labelledby={`${fileId}-conflicts`}>
                <h2 id={`${fileId}-conflicts`} className="font-semibold">
                  {t('conflictsTitle')}
                </h2>
                <p className="text-sm text-muted-foreground">{t('conflictsHint')}</p>
                <ul className="flex flex-col gap-2">
                  {preview.conflicts.map((c) => (
                    <li key={c.identifier} className="rounded-md border p-3">
                      <fieldset className="flex flex-col gap-2">
                        <legend className="text-sm font-medium">
                          {c.ref} · {c.title}{' '}
                          <span className="font-normal text-muted-foreground">({c.changedFields.map((f) => t(`changedFields.${f}`)).join(', ')})</span>
                        </legend>
                        <div className="flex flex-wrap gap-4 text-sm">
                          {CONFLICT_CHOICES.map((choice) => (
                            <label key={choice} className="inline-flex items-center gap-1.5">
                              <input
                                type="radio"
                                name={`choice-${c.identifier}`}
                                value={choice}
                                checked={choices[c.identifier] === choice}
                                onChange={() => setChoices((prev) => ({ ...prev, [c.identifier]: choice }))}
                              />
                              {t(`choices.${choice}`)}
                            </label>
                          ))}
                        </div>
                      </fieldset>
                    </li>
                  ))}
                </ul>
              </section>
            )}

            {(['new', 'changed'] as const).map(
              (status) =>
                preview.samples[status].length > 0 && (
                  <section key={status} className="flex flex-col gap-1">
                    <h2 className="text-sm font-semibold">
                      {t(`counts.${status}`)} — {t('samplesTitle')}
                    </h2>
                    <ul className="max-h-64 overflow-auto rounded-md border p-2 text-sm" data-testid={`reqif-sample-${status}`}>
                      {preview.samples[status].map((item) => (
                        <li key={item.identifier} style={{ paddingInlineStart: `${(item.depth - 1) * 1.25}rem` }}>
                          {item.ref ? `${item.ref} · ` : ''}
                          {item.title}
                        </li>
                      ))}
                    </ul>
                  </section>
                ),
            )}

            <section className="flex flex-col gap-1">
              <h2 className="text-sm font-semibold">{t('warningsTitle')}</h2>
              {preview.warnings.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('noWarnings')}</p>
              ) : (
                <ul className="flex flex-col gap-1 text-sm" data-testid="reqif-warnings">
                  {preview.warnings.map((w) => (
                    <li key={w.code}>
                      <span className="font-medium">
                        {t(`warnings.${w.code}`)} : {w.count}
                      </span>{' '}
                      <span className="break-all text-muted-foreground">
                        {w.examples.map((e) => (e.detail ? `${e.identifier} → ${e.detail}` : e.identifier)).join(' ; ')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <div>
              <Button type="button" onClick={onImport} disabled={importing}>
                {importing ? t('importing') : t('import')}
              </Button>
            </div>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
