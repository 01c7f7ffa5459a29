'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { MarkdownPreview } from '@/components/markdown/markdown-preview';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ConflictNotice } from '@/components/versioning/conflict-notice';
import type { ActionFailure, FormAction } from '@/lib/actions/result';
import type { SpecificationCategory, SpecificationStatus } from '@/lib/specifications/model';
import type { FieldDiff } from '@/lib/versioning/diff';

export interface SpecificationDraft {
  title: string;
  body: string;
  category: string;
}

type EditorProps = {
  projectKey: string;
  initial: SpecificationDraft;
  /** SPECIFICATION_CATEGORIES, passed by the page: importing the model here would ship zod to the browser. */
  categories: readonly SpecificationCategory[];
} & (
  | { mode: 'create'; save: FormAction<{ ref: string }> }
  | {
      mode: 'edit';
      specification: { id: string; ref: string; version: number; revision: number; status: SpecificationStatus };
      save: FormAction<{ version: number }>;
    }
);

/**
 * Writes a technical specification: title, category and a Markdown body with its rendering side by side, updated
 * as the author types. An edit carries the revision it was loaded with; a refused save keeps everything typed.
 */
export function SpecificationEditor(props: EditorProps) {
  const { projectKey, initial, categories, mode } = props;
  const t = useTranslations('specifications');
  const router = useRouter();
  const listHref = `/projects/${projectKey}/specifications`;
  const specification = mode === 'edit' ? props.specification : null;
  const detailHref = specification ? `${listHref}/${specification.ref}` : listHref;

  const [title, setTitle] = useState(initial.title);
  const [category, setCategory] = useState(initial.category);
  const [body, setBody] = useState(initial.body);
  // React resets a form after its action; it keeps controlled inputs and textareas by syncing their default value,
  // but not a controlled select, which would fall back to the placeholder. Keep its default in step with the state.
  const categoryRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    for (const option of categoryRef.current?.options ?? []) option.defaultSelected = option.value === category;
  }, [category]);
  // The preview may lag a keystroke behind (Mermaid diagrams are costly to draw); the textarea never does.
  const preview = useDeferredValue(body);

  const { failure, formAction, pending } = useActionForm<{ ref?: string }>(props.save as FormAction<{ ref?: string }>, {
    onSuccess: (data) => router.push(mode === 'create' && data.ref ? `${listHref}/${data.ref}` : detailHref),
  });

  const fieldLabels: Record<string, string> = {
    title: t('fields.title'),
    body: t('fields.body'),
    category: t('fields.category'),
    status: t('fields.status'),
  };
  const codeLabel = (field: string, value: string): string => {
    const key = field === 'category' ? `categories.${value}` : field === 'status' ? `statuses.${value}` : null;
    return key && t.has(key) ? t(key) : value;
  };
  const conflict = localizedConflict(failure, codeLabel);
  const invalid = (field: string) => (failure?.fieldErrors?.[field]?.length ? true : undefined);

  return (
    <form action={formAction} className="flex flex-col gap-4" data-testid="specification-editor">
      <input type="hidden" name="projectKey" value={projectKey} />
      {specification && (
        <>
          <input type="hidden" name="id" value={specification.id} />
          <input type="hidden" name="revision" value={specification.revision} />
        </>
      )}
      {conflict ? (
        <ConflictNotice failure={conflict} labels={fieldLabels} reloadHref={`${detailHref}/edit`} />
      ) : (
        <FormError failure={failure} />
      )}
      {specification?.status === 'approved' && (
        <Alert role="status" className="border-amber-300 bg-amber-50 text-amber-950" data-testid="approved-warning">
          {t('editor.approvedWarning', { version: specification.version + 1 })}
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-[1fr_16rem]">
        <div className="flex flex-col gap-2">
          <Label htmlFor="spec-title">{t('editor.title')}</Label>
          <Input
            id="spec-title"
            name="title"
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('editor.titlePlaceholder')}
            aria-invalid={invalid('title')}
            aria-describedby={invalid('title') && 'title-error'}
          />
          <FieldError failure={failure} field="title" />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="spec-category">{t('editor.category')}</Label>
          <NativeSelect
            ref={categoryRef}
            id="spec-category"
            name="category"
            required
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            aria-invalid={invalid('category')}
            aria-describedby={invalid('category') && 'category-error'}
          >
            <option value="" disabled>
              {t('editor.chooseCategory')}
            </option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </NativeSelect>
          <FieldError failure={failure} field="category" />
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-2">
          <Label htmlFor="spec-body">{t('editor.body')}</Label>
          <p id="spec-body-hint" className="text-xs text-muted-foreground">
            {t('editor.bodyHint')}
          </p>
          <Textarea
            id="spec-body"
            name="body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={100_000}
            spellCheck
            className="min-h-[32rem] flex-1 font-mono text-xs leading-relaxed"
            aria-invalid={invalid('body')}
            aria-describedby={invalid('body') ? 'spec-body-hint body-error' : 'spec-body-hint'}
          />
          <FieldError failure={failure} field="body" />
        </div>
        <section aria-labelledby="spec-preview-heading" className="flex min-w-0 flex-col gap-2">
          <h2 id="spec-preview-heading" className="text-sm font-medium leading-none">
            {t('editor.preview')}
          </h2>
          <div
            className="min-h-[32rem] flex-1 overflow-auto rounded-md border bg-background p-4 lg:max-h-[calc(100vh-12rem)]"
            data-testid="specification-preview"
          >
            {preview.trim() ? (
              <MarkdownPreview source={preview} />
            ) : (
              <p className="text-sm text-muted-foreground">{t('editor.previewEmpty')}</p>
            )}
          </div>
        </section>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('editor.saving') : mode === 'create' ? t('editor.create') : t('editor.save')}
        </Button>
        <Button asChild variant="ghost">
          <Link href={detailHref}>{t('editor.cancel')}</Link>
        </Button>
        {specification && (
          <p className="text-xs text-muted-foreground">{t('editor.editingVersion', { version: specification.version })}</p>
        )}
      </div>
    </form>
  );
}

/** The conflict's field changes with category and status codes shown as the reader's words. */
function localizedConflict(
  failure: ActionFailure | null,
  label: (field: string, value: string) => string,
): ActionFailure | null {
  const details = failure?.code === 'conflict' ? (failure.details as { currentVersion: number; changes?: FieldDiff[] } | undefined) : undefined;
  if (!failure || !details || !Array.isArray(details.changes)) return null;
  const changes = details.changes.map((change) => {
    if (change.field !== 'category' && change.field !== 'status') return change;
    // One code replaced by another: show the two words, not a redline of their letters.
    const before = change.parts.filter((p) => !p.added).map((p) => p.value).join('');
    const after = change.parts.filter((p) => !p.removed).map((p) => p.value).join('');
    if (!change.changed) return { ...change, parts: [{ value: label(change.field, after), added: false, removed: false }] };
    return {
      ...change,
      parts: [
        { value: label(change.field, before), added: false, removed: true },
        { value: ' ', added: false, removed: false },
        { value: label(change.field, after), added: true, removed: false },
      ],
    };
  });
  return { ...failure, details: { ...details, changes } };
}
