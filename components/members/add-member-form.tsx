'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PROJECT_ROLES } from '@/lib/auth/roles';
import { SetupLink } from './setup-link';

export function AddMemberForm({
  projectKey,
  addMember,
  mayCreateAccounts,
}: {
  projectKey: string;
  addMember: FormAction<{ name: string; setupLink: string | null }>;
  /** Whether an e-mail without an account creates one (instance policy); the action checks it too. */
  mayCreateAccounts: boolean;
}) {
  const t = useTranslations('members');
  const tRoles = useTranslations('roles');
  const { failure, warning, data, values, formAction, pending } = useActionForm(addMember);
  return (
    <form action={formAction} className="flex flex-col gap-3 border-t pt-4" data-testid="add-member-form">
      <h3 className="font-medium">{t('add')}</h3>
      <FormError failure={failure} warning={warning} />
      {data && !failure && (
        <Alert variant="success" role="status">
          {t('added', { name: data.name })}
        </Alert>
      )}
      {data?.setupLink && !failure && <SetupLink path={data.setupLink} />}
      <input type="hidden" name="projectKey" value={projectKey} />
      <div className={mayCreateAccounts ? 'grid gap-3 sm:grid-cols-[1fr_1fr_12rem]' : 'grid gap-3 sm:grid-cols-[1fr_12rem]'}>
        <div className="flex flex-col gap-1">
          <Label htmlFor="member-email">{t('email')}</Label>
          <Input id="member-email" name="email" type="email" required defaultValue={failure ? values.email : ''} />
          <FieldError failure={failure} field="email" />
        </div>
        {mayCreateAccounts && (
          <div className="flex flex-col gap-1">
            <Label htmlFor="member-name">{t('nameIfNew')}</Label>
            <Input id="member-name" name="name" defaultValue={failure ? values.name : ''} />
            <FieldError failure={failure} field="name" />
          </div>
        )}
        <div className="flex flex-col gap-1">
          <Label htmlFor="member-role">{t('role')}</Label>
          <NativeSelect id="member-role" name="role" defaultValue={failure ? values.role : 'amoe'}>
            {PROJECT_ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <p className="text-xs text-muted-foreground">{mayCreateAccounts ? t('addHint') : t('addHintExistingOnly')}</p>
      <div>
        <Button type="submit" disabled={pending}>
          {t('addSubmit')}
        </Button>
      </div>
    </form>
  );
}
