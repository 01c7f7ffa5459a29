'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';

export function ChangePasswordForm({ changePassword }: { changePassword: FormAction<{ email: string }> }) {
  const t = useTranslations('profile');
  const { failure, warning, data, formAction, pending } = useActionForm(changePassword);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormError failure={failure} warning={warning} />
      {data && !failure && (
        <Alert variant="success" role="status">
          {t('passwordChanged')}
        </Alert>
      )}
      <div className="flex flex-col gap-2">
        <Label htmlFor="currentPassword">{t('currentPassword')}</Label>
        <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
        <FieldError failure={failure} field="currentPassword" />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="newPassword">{t('newPassword')}</Label>
        <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} />
        <FieldError failure={failure} field="newPassword" />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t('changePassword')}
        </Button>
      </div>
    </form>
  );
}
