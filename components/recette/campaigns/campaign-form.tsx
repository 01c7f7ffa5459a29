'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormAction } from '@/lib/actions/result';
import { CAMPAIGN_TYPES } from '@/lib/recette/campaign-model';

export interface CampaignFormValues {
  name: string;
  type: string;
  environment: string;
  build: string;
  plannedStart: string;
  plannedEnd: string;
  description: string;
}

/**
 * Creates or edits a campaign. Editing carries the revision the form was loaded with: a save over a newer one is
 * refused (staleVersion) and what was typed stays in the form.
 */
export function CampaignForm({
  projectKey,
  basePath,
  initial,
  save,
  editing,
}: {
  projectKey: string;
  basePath: string;
  initial: CampaignFormValues;
  save: FormAction<{ number: number } | { revision: number }>;
  editing?: { id: string; number: number; revision: number };
}) {
  const t = useTranslations('campaigns');
  const router = useRouter();
  const { failure, values, formAction, pending } = useActionForm(save, {
    onSuccess: (data) => router.push(`${basePath}/${'number' in data ? data.number : editing?.number}`),
  });
  const typed = (name: keyof CampaignFormValues) => values[name] ?? initial[name];
  const invalid = (field: string) => (failure?.fieldErrors?.[field]?.length ? true : undefined);
  const describedBy = (field: string, hint?: string) => [hint, failure?.fieldErrors?.[field]?.length ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const cancelHref = editing ? `${basePath}/${editing.number}` : basePath;

  return (
    <form action={formAction} className="flex flex-col gap-5" data-testid="campaign-form">
      <FormError failure={failure} />
      <input type="hidden" name="projectKey" value={projectKey} />
      {editing && <input type="hidden" name="id" value={editing.id} />}
      {editing && <input type="hidden" name="revision" value={editing.revision} />}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-1">
          <Label htmlFor="name">{t('fields.name')}</Label>
          <Input id="name" name="name" required maxLength={200} defaultValue={typed('name')} aria-invalid={invalid('name')} aria-describedby={describedBy('name')} />
          <FieldError failure={failure} field="name" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="type">{t('fields.type')}</Label>
          <NativeSelect id="type" name="type" defaultValue={typed('type')}>
            {CAMPAIGN_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`types.${value}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor="environment">{t('fields.environment')}</Label>
          <Input id="environment" name="environment" maxLength={200} defaultValue={typed('environment')} aria-describedby="environment-hint" />
          <p id="environment-hint" className="text-xs text-muted-foreground">
            {t('form.environmentHint')}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="build">{t('fields.build')}</Label>
          <Input id="build" name="build" maxLength={200} defaultValue={typed('build')} aria-describedby="build-hint" />
          <p id="build-hint" className="text-xs text-muted-foreground">
            {t('form.buildHint')}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="plannedStart">{t('fields.plannedStart')}</Label>
          <Input id="plannedStart" name="plannedStart" type="date" defaultValue={typed('plannedStart')} aria-invalid={invalid('plannedStart')} aria-describedby={describedBy('plannedStart')} />
          <FieldError failure={failure} field="plannedStart" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="plannedEnd">{t('fields.plannedEnd')}</Label>
          <Input id="plannedEnd" name="plannedEnd" type="date" defaultValue={typed('plannedEnd')} aria-invalid={invalid('plannedEnd')} aria-describedby={describedBy('plannedEnd')} />
          <FieldError failure={failure} field="plannedEnd" />
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="description">{t('fields.description')}</Label>
        <Textarea id="description" name="description" rows={4} maxLength={10_000} defaultValue={typed('description')} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('form.saving') : editing ? t('form.save') : t('form.create')}
        </Button>
        <Button asChild variant="outline">
          <Link href={cancelHref}>{t('form.cancel')}</Link>
        </Button>
      </div>
    </form>
  );
}
