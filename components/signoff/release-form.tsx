'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormAction } from '@/lib/actions/result';

export interface ReleaseFormValues {
  name: string;
  version: string;
  targetDate: string;
  scope: string;
  campaignIds: string[];
}

export interface CampaignChoice {
  id: string;
  number: number;
  name: string;
  status: 'planned' | 'in_progress' | 'closed';
}

/**
 * Creates or edits a release and the campaigns it groups. Editing carries the revision the form was loaded with: a
 * save over a newer one is refused (staleVersion) and what was typed stays in the form.
 */
export function ReleaseForm({
  projectKey,
  basePath,
  initial,
  campaigns,
  save,
  editing,
}: {
  projectKey: string;
  basePath: string;
  initial: ReleaseFormValues;
  campaigns: CampaignChoice[];
  save: FormAction<{ number: number } | { revision: number }>;
  editing?: { id: string; number: number; revision: number };
}) {
  const t = useTranslations('readiness');
  const router = useRouter();
  const { failure, values, formAction, pending } = useActionForm(save, {
    onSuccess: (data) => router.push(`${basePath}/${'number' in data ? data.number : editing?.number}`),
  });
  const typed = (name: Exclude<keyof ReleaseFormValues, 'campaignIds'>) => values[name] ?? initial[name];
  const invalid = (field: string) => (failure?.fieldErrors?.[field]?.length ? true : undefined);
  const describedBy = (field: string, hint?: string) => [hint, failure?.fieldErrors?.[field]?.length ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const cancelHref = editing ? `${basePath}/${editing.number}` : basePath;

  return (
    <form action={formAction} className="flex flex-col gap-5" data-testid="release-form">
      <FormError failure={failure} />
      <input type="hidden" name="projectKey" value={projectKey} />
      {editing && <input type="hidden" name="id" value={editing.id} />}
      {editing && <input type="hidden" name="revision" value={editing.revision} />}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
        <div className="flex flex-col gap-1">
          <Label htmlFor="name">{t('fields.name')}</Label>
          <Input id="name" name="name" required maxLength={200} defaultValue={typed('name')} aria-invalid={invalid('name')} aria-describedby={describedBy('name')} />
          <FieldError failure={failure} field="name" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="version">{t('fields.version')}</Label>
          <Input id="version" name="version" maxLength={60} defaultValue={typed('version')} aria-describedby="version-hint" />
          <p id="version-hint" className="text-xs text-muted-foreground">
            {t('form.versionHint')}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="targetDate">{t('fields.targetDate')}</Label>
          <Input id="targetDate" name="targetDate" type="date" defaultValue={typed('targetDate')} aria-invalid={invalid('targetDate')} aria-describedby={describedBy('targetDate')} />
          <FieldError failure={failure} field="targetDate" />
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="scope">{t('fields.scope')}</Label>
        <Textarea id="scope" name="scope" rows={3} maxLength={5_000} defaultValue={typed('scope')} />
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby="campaigns-hint">
        <legend className="text-sm font-medium">{t('fields.campaigns')}</legend>
        <p id="campaigns-hint" className="text-xs text-muted-foreground">
          {t('form.campaignsHint')}
        </p>
        {campaigns.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('form.noCampaigns')}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {campaigns.map((c) => (
              <li key={c.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="campaignIds" value={c.id} defaultChecked={initial.campaignIds.includes(c.id)} className="size-4" />
                  <span>
                    {c.number}. {c.name} <span className="text-muted-foreground">({t(`campaignStatuses.${c.status}`)})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldError failure={failure} field="campaignIds" />
      </fieldset>
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
