'use client';

import { FileText, Paperclip, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef, useState, useTransition, type ClipboardEvent, type DragEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import { attachmentHref, evidenceInputId, type AttachmentView } from '@/lib/recette/attachment-view';
import { MAX_EVIDENCE_BYTES, isInlineImage, pastedImageName } from '@/lib/recette/evidence-content';

export type EvidenceTarget = { executionId: string; stepIndex?: number } | { anomalyId: string };

interface Upload {
  key: number;
  name: string;
  /** 0 to 1, or null while the browser does not know the total yet. */
  progress: number | null;
}

type UploadOutcome = { ok: true; attachment: AttachmentView } | { ok: false; message: string };

/**
 * Sends one file to the upload route. XMLHttpRequest rather than fetch: only it reports upload progress.
 * The server decides (type from the bytes, size, rights); its message is shown as is.
 */
function send(projectKey: string, target: EvidenceTarget, file: File, onProgress: (p: number | null) => void, networkError: string) {
  return new Promise<UploadOutcome>((resolve) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if ('anomalyId' in target) form.append('anomalyId', target.anomalyId);
    else {
      form.append('executionId', target.executionId);
      if (target.stepIndex !== undefined) form.append('stepIndex', String(target.stepIndex));
    }
    const request = new XMLHttpRequest();
    request.open('POST', `/api/projects/${encodeURIComponent(projectKey)}/attachments`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    request.onload = () => {
      const body = request.response as (AttachmentView & { message?: string }) | null;
      if (request.status === 201 && body) resolve({ ok: true, attachment: body });
      else resolve({ ok: false, message: body?.message ?? networkError });
    };
    request.onerror = () => resolve({ ok: false, message: networkError });
    request.send(form);
  });
}

/**
 * Evidence of an execution, one of its steps, or an anomaly: the files already attached (images as thumbnails,
 * others as links with their size) and, for people who run tests, a file input that also takes drops and pasted
 * screenshots. `remove` (a server action) shows a remove button; the server says whether this person may.
 */
export function EvidencePanel({
  projectKey,
  target,
  attachments,
  canUpload,
  remove,
}: {
  projectKey: string;
  target: EvidenceTarget;
  attachments: AttachmentView[];
  canUpload: boolean;
  remove?: (input: { projectKey: string; attachmentId: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations('evidence');
  const format = useFormatter();
  const router = useRouter();
  const headingId = useId();
  const hintId = useId();
  const inputId = evidenceInputId(target);
  const inputRef = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const [added, setAdded] = useState<AttachmentView[]>([]);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pending, startTransition] = useTransition();

  // The page's list (after a refresh) plus what this panel added since, minus what it removed.
  const known = new Set(attachments.map((a) => a.id));
  const shown = [...attachments, ...added.filter((a) => !known.has(a.id))].filter((a) => !removed.has(a.id));

  async function uploadAll(files: File[]) {
    if (!files.length) return;
    setErrors([]);
    setNotice(null);
    const done: string[] = [];
    for (const file of files) {
      // Checked here too only to spare a pointless 10 MB transfer; the server checks again whatever is sent.
      if (file.size > MAX_EVIDENCE_BYTES) {
        setErrors((e) => [...e, t('refused', { name: file.name, reason: t('tooBig') })]);
        continue;
      }
      const key = (counter.current += 1);
      setUploads((u) => [...u, { key, name: file.name, progress: 0 }]);
      const outcome = await send(
        projectKey,
        target,
        file,
        (progress) => setUploads((u) => u.map((one) => (one.key === key ? { ...one, progress } : one))),
        t('networkError'),
      );
      setUploads((u) => u.filter((one) => one.key !== key));
      if (outcome.ok) {
        setAdded((a) => [...a, outcome.attachment]);
        done.push(outcome.attachment.fileName);
      } else {
        setErrors((e) => [...e, t('refused', { name: file.name, reason: outcome.message })]);
      }
    }
    if (done.length) {
      setNotice(t('uploaded', { count: done.length, names: done.join(', ') }));
      router.refresh();
    }
    if (inputRef.current) inputRef.current.value = '';
  }

  function onPaste(event: ClipboardEvent) {
    if (!canUpload) return;
    const files = [...event.clipboardData.items]
      .filter((item) => item.kind === 'file')
      .map((item) => item.getAsFile())
      .filter((file): file is File => file !== null);
    if (!files.length) return;
    event.preventDefault();
    const now = new Date();
    // A screenshot from the clipboard is called `image.png` (or nothing): name it after the moment it was taken.
    void uploadAll(files.map((file) => (file.type.startsWith('image/') ? new File([file], pastedImageName(now, file.type), { type: file.type }) : file)));
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (canUpload) void uploadAll([...event.dataTransfer.files]);
  }

  function removeOne(attachment: AttachmentView) {
    if (!remove) return;
    setErrors([]);
    setNotice(null);
    startTransition(async () => {
      const result = await remove({ projectKey, attachmentId: attachment.id });
      if (!result.ok) {
        setErrors([result.message]);
        return;
      }
      setRemoved((r) => new Set(r).add(attachment.id));
      setNotice(t('removed', { name: attachment.fileName }));
      router.refresh();
    });
  }

  const images = shown.filter((a) => isInlineImage(a.contentType));
  const files = shown.filter((a) => !isInlineImage(a.contentType));
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? format.number(Math.max(bytes / 1024, 0.1), { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 })
      : format.number(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

  return (
    <section aria-labelledby={headingId} className="space-y-3" onPaste={onPaste} data-evidence-panel={inputId}>
      <h3 id={headingId} className="flex items-center gap-2 text-sm font-semibold">
        <Paperclip aria-hidden="true" />
        {t('title')}
      </h3>

      {shown.length === 0 ? <p className="text-sm text-muted-foreground">{t('none')}</p> : null}

      {images.length ? (
        <ul className="flex flex-wrap gap-3" aria-label={t('images')}>
          {images.map((a) => (
            <li key={a.id} className="w-40 space-y-1">
              <a href={attachmentHref(projectKey, a.id)} target="_blank" rel="noopener noreferrer" className="block rounded border hover:ring-2 hover:ring-ring">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route with its own headers, not optimisable */}
                <img src={attachmentHref(projectKey, a.id)} alt={a.fileName} loading="lazy" className="h-24 w-full rounded object-cover" />
              </a>
              <div className="flex items-start justify-between gap-1 text-xs">
                <span className="break-all">
                  {a.fileName}
                  {a.stepIndex !== null && 'executionId' in target && target.stepIndex === undefined ? ` · ${t('step', { number: a.stepIndex + 1 })}` : ''}
                  <br />
                  <span className="text-muted-foreground">
                    {size(a.byteSize)} · {format.dateTime(new Date(a.uploadedAt), { dateStyle: 'short', timeStyle: 'short' })}
                  </span>
                </span>
                {remove && canUpload ? (
                  <Button type="button" variant="ghost" size="icon" disabled={pending} onClick={() => removeOne(a)} aria-label={t('remove', { name: a.fileName })}>
                    <Trash2 aria-hidden="true" />
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      {files.length ? (
        <ul className="space-y-1 text-sm" aria-label={t('files')}>
          {files.map((a) => (
            <li key={a.id} className="flex items-center gap-2">
              <FileText aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
              <a href={attachmentHref(projectKey, a.id)} className="break-all underline underline-offset-2" download={a.fileName}>
                {a.fileName}
              </a>
              <span className="text-xs text-muted-foreground">
                {size(a.byteSize)}
                {a.stepIndex !== null && 'executionId' in target && target.stepIndex === undefined ? ` · ${t('step', { number: a.stepIndex + 1 })}` : ''}
              </span>
              {remove && canUpload ? (
                <Button type="button" variant="ghost" size="icon" disabled={pending} onClick={() => removeOne(a)} aria-label={t('remove', { name: a.fileName })}>
                  <Trash2 aria-hidden="true" />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {canUpload ? (
        <div
          className={`rounded-md border border-dashed p-3 text-sm ${dragging ? 'border-primary bg-accent' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={inputId} className="font-medium">
            {t('add')}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            data-evidence-input={inputId}
            type="file"
            multiple
            aria-describedby={hintId}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1"
            onChange={(event) => void uploadAll([...(event.target.files ?? [])])}
          />
          <p id={hintId} className="mt-1 text-xs text-muted-foreground">
            {t('hint')}
          </p>
        </div>
      ) : null}

      {uploads.length ? (
        <ul className="space-y-1 text-sm" aria-label={t('uploading')}>
          {uploads.map((u) => (
            <li key={u.key} className="flex items-center gap-2">
              <span className="break-all">{u.name}</span>
              <progress
                max={1}
                value={u.progress ?? undefined}
                aria-label={t('progress', { name: u.name })}
                className="h-2 w-32"
              />
            </li>
          ))}
        </ul>
      ) : null}

      {errors.length ? (
        <Alert variant="destructive" role="alert">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </Alert>
      ) : null}
      {notice ? (
        <Alert variant="success" role="status">
          {notice}
        </Alert>
      ) : null}
    </section>
  );
}
