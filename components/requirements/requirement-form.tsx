'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useDeferredValue, useId, useState } from 'react';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { MarkdownPreview } from '@/components/markdown/markdown-preview';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ConflictNotice } from '@/components/versioning/conflict-notice';
import type { ActionFailure, FormAction } from '@/lib/actions/result';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from '@/lib/requirements/model';
import { diffFields, type FieldDiff } from '@/lib/versioning/diff';
import { requirementFieldLabels, requirementValueText } from './requirement-labels';

export interface ChapterOption {
  id: string;
  label: string;
  depth: number;
}

type Translate = (key: string) => string;

/** The version and revision saved meanwhile, from a conflict failure (see lib/versioning/save.ts). */
function conflictState(failure: ActionFailure | null): { version: number; revision: number } | null {
  if (failure?.code !== 'conflict') return null;
  const details = failure.details as { currentVersion?: unknown; currentRevision?: unknown } | undefined;
  const { currentVersion: version, currentRevision: revision } = details ?? {};
  return typeof version === 'number' && typeof revision === 'number' ? { version, revision } : null;
}

/**
 * The conflict's diff is computed on stored values; re-diff the fields whose stored value is a code (priority,
 * status, chapter id) on their names, so the notice reads "Doit → Devrait" rather than "must → should".
 */
function readableConflict(failure: ActionFailure | null, t: Translate, chapters: ReadonlyMap<string, string>) {
  const details = failure?.details as { changes?: FieldDiff[] } | undefined;
  if (!failure || !Array.isArray(details?.changes)) return failure;
  const changes = details.changes.map((change) => {
    if (!['priority', 'status', 'parentId'].includes(change.field)) return change;
    const before = change.parts.filter((p) => !p.added).map((p) => p.value).join('');
    const after = change.parts.filter((p) => !p.removed).map((p) => p.value).join('');
    const text = (value: string) => requirementValueText(change.field, value, t, chapters) as string;
    return diffFields({ [change.field]: text(before) }, { [change.field]: text(after) }, [change.field])[0]!;
  });
  return { ...failure, details: { ...details, changes } };
}

function MarkdownField({
  name,
  label,
  hint,
  rows,
  defaultValue,
  failure,
  maxLength,
}: {
  name: string;
  label: string;
  hint: string;
  rows: number;
  defaultValue: string;
  failure: ActionFailure | null;
  maxLength: number;
}) {
  const t = useTranslations('requirements');
  const [source, setSource] = useState(defaultValue);
  const preview = useDeferredValue(source);
  const previewId = useId();
  const invalid = Boolean(failure?.fieldErrors?.[name]?.length);
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={name}>{label}</Label>
      <p id={`${name}-hint`} className="text-xs text-muted-foreground">
        {hint}
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <Textarea
          id={name}
          name={name}
          rows={rows}
          maxLength={maxLength}
          defaultValue={defaultValue}
          onChange={(event) => setSource(event.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={`${name}-hint${invalid ? ` ${name}-error` : ''}`}
          className="font-mono text-xs leading-relaxed"
        />
        <section aria-labelledby={previewId} className="min-h-20 overflow-auto rounded-md border border-dashed bg-muted/30 p-3">
          <h3 id={previewId} className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            {t('form.preview')}
          </h3>
          {preview.trim() ? (
            <MarkdownPreview source={preview} />
          ) : (
            <p className="text-sm italic text-muted-foreground">{t('form.previewEmpty')}</p>
          )}
        </section>
      </div>
      <FieldError failure={failure} field={name} />
    </div>
  );
}

/**
 * Creates or edits a requirement. Editing carries the revision the form was loaded with: a save against a newer
 * revision is refused and the notice shows what changed meanwhile, while everything typed stays in the form.
 */
export function RequirementForm({
  projectKey,
  basePath,
  initial,
  chapters,
  save,
  currentRef,
}: {
  projectKey: string;
  basePath: string;
  /** Field values as the form shows them (tags comma-separated, no chapter as ''), plus `id`, `version` and `revision` when editing. */
  initial: Record<string, string>;
  chapters: ChapterOption[];
  save: FormAction<{ ref: string } | { version: number }>;
  /** The requirement being edited; absent when creating one. */
  currentRef?: string;
}) {
  const t = useTranslations('requirements');
  const router = useRouter();
  const { failure, warning, values, formAction, pending } = useActionForm(save, {
    initialValues: initial,
    onSuccess: (data) => router.push(`${basePath}/${'ref' in data ? data.ref : currentRef}`),
  });
  const [overwrite, setOverwrite] = useState<number | null>(null);
  const newer = conflictState(failure);
  const labels = requirementFieldLabels(t);
  const chapterNames = new Map(chapters.map((c) => [c.id, c.label]));
  const editing = Boolean(currentRef);
  const revision = overwrite !== null && overwrite === newer?.revision ? String(overwrite) : initial.revision;
  const cancelHref = currentRef ? `${basePath}/${currentRef}` : basePath;

  const invalid = (field: string) => Boolean(failure?.fieldErrors?.[field]?.length);
  const described = (field: string, hint?: boolean) =>
    [hint && `${field}-hint`, invalid(field) && `${field}-error`].filter(Boolean).join(' ') || undefined;

  return (
    <form action={formAction} className="flex flex-col gap-6">
      {newer !== null ? (
        <>
          <ConflictNotice
            failure={readableConflict(failure, t, chapterNames)}
            labels={labels}
            reloadHref={`${basePath}/${currentRef}/edit`}
          />
          <label className="flex items-start gap-2 rounded-md border bg-background p-3 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4"
              checked={overwrite === newer.revision}
              onChange={(event) => setOverwrite(event.target.checked ? newer.revision : null)}
              data-testid="overwrite-newer-version"
            />
            <span>{t('form.overwrite', { version: newer.version })}</span>
          </label>
        </>
      ) : (
        <FormError failure={failure} warning={warning} />
      )}
      <input type="hidden" name="projectKey" value={projectKey} />
      {editing && <input type="hidden" name="id" value={initial.id} />}
      {editing && <input type="hidden" name="revision" value={revision} />}

      <div className="flex flex-col gap-2">
        <Label htmlFor="title">{labels.title}</Label>
        <Input
          id="title"
          name="title"
          required
          maxLength={300}
          defaultValue={values.title}
          placeholder={t('form.titlePlaceholder')}
          aria-invalid={invalid('title') || undefined}
          aria-describedby={described('title')}
        />
        <FieldError failure={failure} field="title" />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          <Label htmlFor="priority">{labels.priority}</Label>
          <NativeSelect
            id="priority"
            name="priority"
            defaultValue={values.priority}
            aria-invalid={invalid('priority') || undefined}
            aria-describedby={described('priority', true)}
          >
            {REQUIREMENT_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priorities.${p}`)}
              </option>
            ))}
          </NativeSelect>
          <p id="priority-hint" className="text-xs text-muted-foreground">
            {t('form.priorityHint')}
          </p>
          <FieldError failure={failure} field="priority" />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="status">{labels.status}</Label>
          <NativeSelect
            id="status"
            name="status"
            defaultValue={values.status}
            aria-invalid={invalid('status') || undefined}
            aria-describedby={described('status', true)}
          >
            {REQUIREMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </NativeSelect>
          <p id="status-hint" className="text-xs text-muted-foreground">
            {t('form.statusHint')}
          </p>
          <FieldError failure={failure} field="status" />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="parentId">{labels.parentId}</Label>
          <NativeSelect
            id="parentId"
            name="parentId"
            defaultValue={values.parentId ?? ''}
            aria-invalid={invalid('parentId') || undefined}
            aria-describedby={described('parentId', true)}
          >
            <option value="">{t('form.topLevel')}</option>
            {chapters.map((c) => (
              <option key={c.id} value={c.id}>
                {'\u00a0\u00a0'.repeat(c.depth)}
                {c.label}
              </option>
            ))}
          </NativeSelect>
          <p id="parentId-hint" className="text-xs text-muted-foreground">
            {t('form.parentHint')}
          </p>
          <FieldError failure={failure} field="parentId" />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="source">{labels.source}</Label>
          <Input
            id="source"
            name="source"
            maxLength={300}
            defaultValue={values.source}
            placeholder={t('form.sourcePlaceholder')}
            aria-invalid={invalid('source') || undefined}
            aria-describedby={described('source', true)}
          />
          <p id="source-hint" className="text-xs text-muted-foreground">
            {t('form.sourceHint')}
          </p>
          <FieldError failure={failure} field="source" />
        </div>
      </div>

      <div className="flex flex-col gap-2">
        <Label htmlFor="tags">{labels.tags}</Label>
        <Input
          id="tags"
          name="tags"
          defaultValue={values.tags}
          placeholder={t('form.tagsPlaceholder')}
          aria-invalid={invalid('tags') || undefined}
          aria-describedby={described('tags', true)}
        />
        <p id="tags-hint" className="text-xs text-muted-foreground">
          {t('form.tagsHint')}
        </p>
        <FieldError failure={failure} field="tags" />
      </div>

      <MarkdownField
        name="statement"
        label={labels.statement}
        hint={t('form.statementHint')}
        rows={10}
        maxLength={20_000}
        defaultValue={values.statement ?? ''}
        failure={failure}
      />
      <MarkdownField
        name="acceptanceCriteria"
        label={labels.acceptanceCriteria}
        hint={t('form.acceptanceCriteriaHint')}
        rows={8}
        maxLength={20_000}
        defaultValue={values.acceptanceCriteria ?? ''}
        failure={failure}
      />
      <MarkdownField
        name="rationale"
        label={labels.rationale}
        hint={t('form.rationaleHint')}
        rows={4}
        maxLength={10_000}
        defaultValue={values.rationale ?? ''}
        failure={failure}
      />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('form.saving') : editing ? t('form.saveChanges') : t('form.create')}
        </Button>
        <Button asChild variant="ghost">
          <Link href={cancelHref}>{t('form.cancel')}</Link>
        </Button>
        {editing && <p className="text-xs text-muted-foreground">{t('form.versionHint', { version: Number(initial.version) })}</p>}
      </div>
    </form>
  );
}
