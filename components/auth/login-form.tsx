'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

export function LoginForm({ callbackUrl, signIn }: { callbackUrl?: string; signIn: FormAction<unknown> }) {
  const t = useTranslations('auth');
  const { failure, values, formAction, pending } = useActionForm(signIn);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormError failure={failure} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div className="flex flex-col gap-2">
        <Label htmlFor="email">{t('email')}</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={values.email} />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="password">{t('password')}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
