'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/lib/actions/result';
import type { SpecificationStatus } from '@/lib/specifications/model';

/**
 * The review buttons available from the current status. Each submits the revision shown on the page, so a status
 * change against a specification edited meanwhile is refused rather than applied to a text nobody reviewed.
 * `targets` comes from the server (`nextStatuses`): importing the model here would ship zod to the browser.
 */
export function StatusWorkflow({
  projectKey,
  specificationId,
  revision,
  targets,
  changeStatus,
}: {
  projectKey: string;
  specificationId: string;
  revision: number;
  targets: readonly SpecificationStatus[];
  changeStatus: FormAction<{ version: number; status: SpecificationStatus }>;
}) {
  const t = useTranslations('specifications.workflow');
  const { failure, warning, formAction, pending } = useActionForm(changeStatus);
  // Superseding is final: ask once more before sending it.
  const [confirmingSupersede, setConfirmingSupersede] = useState(false);

  if (targets.length === 0) {
    return <p className="text-sm text-muted-foreground">{t('final')}</p>;
  }
  return (
    <form action={formAction} aria-label={t('label')} className="flex flex-col gap-2" data-testid="status-workflow">
      <input type="hidden" name="projectKey" value={projectKey} />
      <input type="hidden" name="id" value={specificationId} />
      <input type="hidden" name="revision" value={revision} />
      <FormError failure={failure} warning={warning} />
      {confirmingSupersede ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" role="group">
          <p className="w-full text-amber-950">{t('confirmSupersede')}</p>
          <Button type="submit" name="status" value="superseded" size="sm" variant="destructive" disabled={pending}>
            {t('confirm')}
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={() => setConfirmingSupersede(false)}>
            {t('cancel')}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {targets.map((target) =>
            target === 'superseded' ? (
              <Button key={target} type="button" size="sm" variant="outline" onClick={() => setConfirmingSupersede(true)}>
                {t(target)}
              </Button>
            ) : (
              <Button
                key={target}
                type="submit"
                name="status"
                value={target}
                size="sm"
                variant={target === 'draft' ? 'outline' : 'default'}
                disabled={pending}
              >
                {t(target)}
              </Button>
            ),
          )}
        </div>
      )}
    </form>
  );
}
