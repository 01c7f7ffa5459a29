'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ConflictNotice } from '@/components/versioning/conflict-notice';
import type { FormAction } from '@/lib/actions/result';
import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES, type PerformanceCriterion, type TestStep } from '@/lib/recette/model';
import { CriteriaEditor } from './criteria-editor';
import { StepEditor } from './step-editor';
import { testCaseFieldLabels } from './test-case-labels';

export interface TestCaseFormValues {
  title: string;
  objective: string;
  preconditions: string;
  testData: string;
  steps: TestStep[];
  type: string;
  priority: string;
  folder: string;
  tags: string;
  automated: boolean;
  automationKey: string;
  criteria: PerformanceCriterion[];
}

/**
 * Creates or edits a test case. Editing carries the revision the form was loaded with: a save against a newer
 * revision is refused with what changed meanwhile (steps included), and everything typed stays in the form.
 */
export function TestCaseForm({
  projectKey,
  basePath,
  initial,
  save,
  editing,
}: {
  projectKey: string;
  basePath: string;
  initial: TestCaseFormValues;
  save: FormAction<{ ref: string } | { version: number }>;
  /** The test case being edited; absent when creating one. */
  editing?: { id: string; ref: string; version: number; revision: number };
}) {
  const t = useTranslations('testCases');
  const router = useRouter();
  const [type, setType] = useState(initial.type);
  const [automated, setAutomated] = useState(initial.automated);
  const { failure, values, formAction, pending } = useActionForm(save, {
    onSuccess: (data) => router.push(`${basePath}/${'ref' in data ? data.ref : editing?.ref}`),
  });
  const labels = testCaseFieldLabels(t);
  // React resets a form after its action: what was typed comes back from the submitted values.
  const typed = (name: 'title' | 'objective' | 'preconditions' | 'testData' | 'folder' | 'tags' | 'automationKey') => values[name] ?? initial[name];
  const cancelHref = editing ? `${basePath}/${editing.ref}` : basePath;
  const invalid = (field: string) => (failure?.fieldErrors?.[field]?.length ? true : undefined);
  const stepsInvalid = Object.keys(failure?.fieldErrors ?? {}).some((k) => k.startsWith('steps'));

  const text = (name: 'objective' | 'preconditions' | 'testData', rows: number) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={name}>{labels[name]}</Label>
      <Textarea id={name} name={name} rows={rows} maxLength={10_000} defaultValue={typed(name)} aria-invalid={invalid(name)} />
      <FieldError failure={failure} field={name} />
    </div>
  );

  return (
    <form action={formAction} className="flex flex-col gap-5" data-testid="test-case-form">
      {failure?.code === 'conflict' ? (
        <ConflictNotice failure={failure} labels={labels} reloadHref={`${cancelHref}/edit`} />
      ) : (
        <FormError failure={failure} />
      )}
      <input type="hidden" name="projectKey" value={projectKey} />
      {editing && <input type="hidden" name="id" value={editing.id} />}
      {editing && <input type="hidden" name="revision" value={editing.revision} />}

      <div className="flex flex-col gap-1">
        <Label htmlFor="title">{labels.title}</Label>
        <Input id="title" name="title" required maxLength={300} defaultValue={typed('title')} aria-invalid={invalid('title')} />
        <FieldError failure={failure} field="title" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor="type">{labels.type}</Label>
          <NativeSelect id="type" name="type" value={type} onChange={(e) => setType(e.target.value)}>
            {TEST_CASE_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`types.${value}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="priority">{labels.priority}</Label>
          <NativeSelect id="priority" name="priority" defaultValue={values.priority ?? initial.priority}>
            {TEST_CASE_PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {t(`priorities.${value}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="folder">{labels.folder}</Label>
          <Input id="folder" name="folder" maxLength={300} defaultValue={typed('folder')} aria-describedby="folder-hint" />
          <p id="folder-hint" className="text-xs text-muted-foreground">
            {t('form.folderHint')}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="tags">{labels.tags}</Label>
          <Input id="tags" name="tags" defaultValue={typed('tags')} aria-describedby="tags-hint" />
          <p id="tags-hint" className="text-xs text-muted-foreground">
            {t('form.tagsHint')}
          </p>
        </div>
      </div>
      {text('objective', 3)}
      <div className="grid gap-4 lg:grid-cols-2">
        {text('preconditions', 3)}
        {text('testData', 3)}
      </div>
      <StepEditor initial={initial.steps} invalid={stepsInvalid} />
      {stepsInvalid && <p className="text-xs text-destructive">{Object.entries(failure?.fieldErrors ?? {}).filter(([k]) => k.startsWith('steps')).flatMap(([, m]) => m).join(' ')}</p>}
      {type === 'performance' && <CriteriaEditor initial={initial.criteria} />}
      <div className="grid gap-4 sm:grid-cols-[auto_1fr] sm:items-start">
        <label className="flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" name="automated" className="size-4" checked={automated} onChange={(e) => setAutomated(e.target.checked)} />
          {labels.automated}
        </label>
        {automated && (
          <div className="flex flex-col gap-1">
            <Label htmlFor="automationKey">{labels.automationKey}</Label>
            <Input
              id="automationKey"
              name="automationKey"
              maxLength={200}
              defaultValue={typed('automationKey')}
              aria-describedby="automationKey-hint"
              aria-invalid={invalid('automationKey')}
            />
            <p id="automationKey-hint" className="text-xs text-muted-foreground">
              {t('form.automationHint')}
            </p>
            <FieldError failure={failure} field="automationKey" />
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('form.saving') : editing ? t('form.save') : t('form.create')}
        </Button>
        <Button asChild variant="outline">
          <Link href={cancelHref}>{t('form.cancel')}</Link>
        </Button>
        {editing && <p className="text-xs text-muted-foreground">{t('form.versionHint', { version: editing.version })}</p>}
      </div>
    </form>
  );
}
