'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

export function ProfileForm({
  initial,
  updateProfile,
}: {
  initial: Record<'name' | 'locale' | 'version', string>;
  updateProfile: FormAction<{ version: number }>;
}) {
  const t = useTranslations('profile');
  const { failure, warning, data, values, formAction, pending } = useActionForm(updateProfile, { initialValues: initial });
  const version = data ? String(data.version) : (values.version ?? initial.version);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormError failure={failure} warning={warning} />
      {data && !failure && (
        <Alert variant="success" role="status">
          {t('saved')}
        </Alert>
      )}
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="name">{t('name')}</Label>
        <Input id="name" name="name" required maxLength={120} defaultValue={values.name} />
        <FieldError failure={failure} field="name" />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="locale">{t('language')}</Label>
        <NativeSelect id="locale" name="locale" defaultValue={values.locale} className="w-48">
          <option value="fr">Français</option>
          <option value="en">English</option>
        </NativeSelect>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
