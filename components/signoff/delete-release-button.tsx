'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/lib/actions/result';

/** Deletes a release that has no go / no-go record yet (the action refuses one that has). */
export function DeleteReleaseButton({
  projectKey,
  release,
  remove,
  listPath,
}: {
  projectKey: string;
  release: { id: string; revision: number };
  remove: FormAction<{ number: number }>;
  listPath: string;
}) {
  const t = useTranslations('readiness.form');
  const router = useRouter();
  const { failure, formAction, pending } = useActionForm(remove, { onSuccess: () => router.push(listPath) });
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="delete-release">
      <FormError failure={failure} />
      <input type="hidden" name="projectKey" value={projectKey} />
      <input type="hidden" name="id" value={release.id} />
      <input type="hidden" name="revision" value={release.revision} />
      <p className="text-xs text-muted-foreground">{t('deleteHint')}</p>
      <div>
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? t('deleting') : t('delete')}
        </Button>
      </div>
    </form>
  );
}
