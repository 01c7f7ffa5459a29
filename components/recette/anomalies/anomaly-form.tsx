'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { TraceItemField } from '@/components/traceability/trace-item-field';
import type { TraceItemOption } from '@/components/traceability/trace-item-picker';
import type { FormAction } from '@/lib/actions/result';
import { ANOMALY_PRIORITIES, ANOMALY_SEVERITIES } from '@/lib/recette/anomaly-model';

export interface AnomalyFormValues {
  title: string;
  stepsToReproduce: string;
  expectedResult: string;
  actualResult: string;
  severity: string;
  priority: string;
  fixVersion: string;
  environment: string;
  build: string;
  production: boolean;
  campaignId: string;
  testCaseId: string;
  assigneeId: string;
}

interface Option {
  id: string;
  label: string;
}

/**
 * Raises or edits an anomaly. Raised from an execution step, the form carries the execution and step and the server
 * takes the campaign, test case, environment and build from it. Editing carries the revision it was loaded with.
 * `textOnly`: the reporter's form, which only edits the describing texts.
 */
export function AnomalyForm({
  projectKey,
  basePath,
  initial,
  save,
  options,
  origin,
  editing,
  textOnly = false,
}: {
  projectKey: string;
  basePath: string;
  initial: AnomalyFormValues;
  save: FormAction<{ ref: string } | { revision: number }>;
  /** `testCase`: the one already chosen; others are searched (a project may hold thousands). */
  options: { campaigns: Option[]; testCase: TraceItemOption | null; members: Option[] };
  origin?: { executionId: string; stepIndex: number };
  editing?: { id: string; ref: string; revision: number };
  textOnly?: boolean;
}) {
  const t = useTranslations('anomalies');
  const router = useRouter();
  const { failure, values, formAction, pending } = useActionForm(save, {
    onSuccess: (data) => router.push(`${basePath}/${'ref' in data ? data.ref : editing?.ref}`),
  });
  const typed = (name: keyof AnomalyFormValues) => values[name] ?? String(initial[name]);
  const invalid = (field: string) => (failure?.fieldErrors?.[field]?.length ? true : undefined);
  const locked = textOnly || origin !== undefined;

  const text = (name: 'stepsToReproduce' | 'expectedResult' | 'actualResult', rows: number) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={name}>{t(`fields.${name}`)}</Label>
      <Textarea id={name} name={name} rows={rows} maxLength={10_000} defaultValue={typed(name)} aria-invalid={invalid(name)} />
      <FieldError failure={failure} field={name} />
    </div>
  );
  const select = (name: 'severity' | 'priority', values: readonly string[], label: (v: string) => string) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={name}>{t(`fields.${name}`)}</Label>
      <NativeSelect id={name} name={name} defaultValue={typed(name)} disabled={textOnly}>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
  const choice = (name: 'campaignId' | 'assigneeId', list: Option[], none: string, disabled: boolean) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={name}>{t(`fields.${name}`)}</Label>
      <NativeSelect id={name} name={name} defaultValue={typed(name)} disabled={disabled} aria-invalid={invalid(name)}>
        <option value="">{none}</option>
        {list.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
      <FieldError failure={failure} field={name} />
    </div>
  );
  const line = (name: 'fixVersion' | 'environment' | 'build', max: number) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={name}>{t(`fields.${name}`)}</Label>
      <Input id={name} name={name} maxLength={max} defaultValue={typed(name)} disabled={textOnly} aria-invalid={invalid(name)} />
      <FieldError failure={failure} field={name} />
    </div>
  );

  return (
    <form action={formAction} className="flex flex-col gap-5" data-testid="anomaly-form">
      <FormError failure={failure} />
      <input type="hidden" name="projectKey" value={projectKey} />
      {editing && <input type="hidden" name="id" value={editing.id} />}
      {editing && <input type="hidden" name="revision" value={editing.revision} />}
      {origin && <input type="hidden" name="executionId" value={origin.executionId} />}
      {origin && <input type="hidden" name="stepIndex" value={origin.stepIndex} />}
      {/* Disabled controls are not submitted: their values travel as hidden fields (the server checks them anyway). */}
      {locked &&
        (['campaignId', 'testCaseId'] as const).map((name) => <input key={name} type="hidden" name={name} value={typed(name)} />)}
      {textOnly &&
        (['severity', 'priority', 'fixVersion', 'environment', 'build'] as const).map((name) => (
          <input key={name} type="hidden" name={name} value={typed(name)} />
        ))}
      {textOnly && initial.production && <input type="hidden" name="production" value="on" />}

      <div className="flex flex-col gap-1">
        <Label htmlFor="title">{t('fields.title')}</Label>
        <Input id="title" name="title" required maxLength={300} defaultValue={typed('title')} aria-invalid={invalid('title')} />
        <FieldError failure={failure} field="title" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {select('severity', ANOMALY_SEVERITIES, (v) => t(`severities.${v}`))}
        {select('priority', ANOMALY_PRIORITIES, (v) => t(`priorities.${v}`))}
        {line('fixVersion', 100)}
        {!editing && choice('assigneeId', options.members, t('form.nobody'), false)}
      </div>
      {text('stepsToReproduce', 6)}
      <div className="grid gap-4 md:grid-cols-2">
        {text('expectedResult', 4)}
        {text('actualResult', 4)}
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {choice('campaignId', options.campaigns, t('form.none'), locked)}
        {locked ? (
          <div className="flex flex-col gap-1">
            <span className="text-sm font-medium">{t('fields.testCaseId')}</span>
            <p className="text-sm" data-testid="anomaly-test-case">
              {options.testCase ? `${options.testCase.ref} ${options.testCase.title}` : t('form.none')}
            </p>
          </div>
        ) : (
          <div className="flex flex-col gap-1 sm:col-span-2">
            <TraceItemField projectKey={projectKey} type="testCase" name="testCaseId" label={t('fields.testCaseId')} initial={options.testCase} />
            <FieldError failure={failure} field="testCaseId" />
          </div>
        )}
        {line('environment', 200)}
        {line('build', 200)}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="production"
          value="on"
          defaultChecked={values.production !== undefined ? values.production === 'on' : initial.production}
          disabled={textOnly}
          className="size-4"
        />
        {t('fields.production')}
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('form.saving') : editing ? t('form.save') : t('form.create')}
        </Button>
        <Button asChild variant="outline">
          <Link href={editing ? `${basePath}/${editing.ref}` : basePath}>{t('form.cancel')}</Link>
        </Button>
      </div>
    </form>
  );
}
