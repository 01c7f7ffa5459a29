'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';

export function SetPasswordForm({ token, setPassword }: { token: string; setPassword: FormAction<{ email: string }> }) {
  const t = useTranslations('auth');
  const { failure, warning, data, formAction, pending } = useActionForm(setPassword);
  if (data) {
    return (
      <div className="flex flex-col gap-3">
        <Alert variant="success" role="status">
          {t('passwordSet')}
        </Alert>
        <Button asChild>
          <Link href="/login">{t('signIn')}</Link>
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormError failure={failure} warning={warning} />
      <input type="hidden" name="token" value={token} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="password">{t('newPassword')}</Label>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} />
        <p className="text-xs text-muted-foreground">{t('passwordRule', { min: PASSWORD_MIN_LENGTH })}</p>
        <FieldError failure={failure} field="password" />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="confirmation">{t('confirmPassword')}</Label>
        <Input id="confirmation" name="confirmation" type="password" autoComplete="new-password" required />
        <FieldError failure={failure} field="confirmation" />
      </div>
      <Button type="submit" disabled={pending}>
        {t('setPasswordSubmit')}
      </Button>
    </form>
  );
}
