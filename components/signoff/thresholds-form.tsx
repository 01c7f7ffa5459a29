'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormAction } from '@/lib/actions/result';

/** The owner's form for the project's go-live thresholds; saving over a newer revision is a conflict. */
export function ThresholdsForm({
  projectKey,
  initial,
  save,
}: {
  projectKey: string;
  initial: { maxBlocking: number; maxMajor: number; revision: number };
  save: FormAction<{ revision: number }>;
}) {
  const t = useTranslations('readiness.thresholds');
  const router = useRouter();
  const { failure, data, warning, values, formAction, pending } = useActionForm(save, { onSuccess: () => router.refresh() });
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="thresholds-form">
      <FormError failure={failure} warning={warning} />
      <input type="hidden" name="projectKey" value={projectKey} />
      <input type="hidden" name="revision" value={data?.revision ?? initial.revision} />
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor="maxBlocking">{t('maxBlocking')}</Label>
          <Input id="maxBlocking" name="maxBlocking" type="number" min={0} max={1000} className="w-28" defaultValue={values.maxBlocking ?? initial.maxBlocking} />
          <FieldError failure={failure} field="maxBlocking" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="maxMajor">{t('maxMajor')}</Label>
          <Input id="maxMajor" name="maxMajor" type="number" min={0} max={1000} className="w-28" defaultValue={values.maxMajor ?? initial.maxMajor} />
          <FieldError failure={failure} field="maxMajor" />
        </div>
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
      </div>
      {data && !failure && (
        <p role="status" className="text-sm">
          {t('saved')}
        </p>
      )}
    </form>
  );
}
