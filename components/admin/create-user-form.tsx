'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { SetupLink } from '@/components/members/setup-link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

export function CreateUserForm({ createUser }: { createUser: FormAction<{ setupLink: string }> }) {
  const t = useTranslations('admin');
  const { failure, warning, data, values, formAction, pending } = useActionForm(createUser);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormError failure={failure} warning={warning} />
      {data && !failure && <SetupLink path={data.setupLink} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-user-name">{t('name')}</Label>
          <Input id="new-user-name" name="name" required maxLength={120} defaultValue={failure ? values.name : ''} />
          <FieldError failure={failure} field="name" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-user-email">{t('email')}</Label>
          <Input id="new-user-email" name="email" type="email" required defaultValue={failure ? values.email : ''} />
          <FieldError failure={failure} field="email" />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isAdmin" defaultChecked={failure ? values.isAdmin === 'on' : false} />
        {t('makeAdmin')}
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {t('createSubmit')}
        </Button>
      </div>
    </form>
  );
}
