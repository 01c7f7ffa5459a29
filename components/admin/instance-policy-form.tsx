'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PROJECT_CREATION_POLICIES, type InstancePolicy } from '@/lib/auth/instance-policy';

/** The instance rules on who creates projects and accounts (administrators only; the action checks it too). */
export function InstancePolicyForm({
  policy,
  version,
  updateInstancePolicy,
}: {
  policy: InstancePolicy;
  version: number;
  updateInstancePolicy: FormAction<{ version: number }>;
}) {
  const t = useTranslations('admin.policy');
  const { failure, warning, data, formAction, pending } = useActionForm(updateInstancePolicy);
  return (
    <form action={formAction} className="flex flex-col gap-4" data-testid="instance-policy-form">
      <FormError failure={failure} warning={warning} />
      {data && !failure && (
        <Alert variant="success" role="status">
          {t('saved')}
        </Alert>
      )}
      <input type="hidden" name="version" value={String(Math.max(version, data?.version ?? 0))} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t('projectCreation')}</legend>
        {PROJECT_CREATION_POLICIES.map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="projectCreation" value={value} defaultChecked={policy.projectCreation === value} />
            {t(value)}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="ownersMayCreateAccounts" defaultChecked={policy.ownersMayCreateAccounts} />
        {t('ownersMayCreateAccounts')}
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
