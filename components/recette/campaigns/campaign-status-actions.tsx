'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-status';
import { Button } from '@/components/ui/button';
import type { Action, ActionFailure } from '@/lib/actions/result';
import type { CampaignStatus } from '@/lib/recette/campaign-model';

type StatusAction = Action<{ projectKey: string; id: string; revision: number }, { revision: number; status: CampaignStatus }>;

/** Start and close buttons (closing asks first: it cannot be undone). The actions check the rules themselves. */
export function CampaignStatusActions({
  projectKey,
  campaign,
  start,
  close,
}: {
  projectKey: string;
  campaign: { id: string; status: CampaignStatus; revision: number };
  start: StatusAction;
  close: StatusAction;
}) {
  const t = useTranslations('campaigns');
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (action: StatusAction) =>
    startTransition(async () => {
      const result = await action({ projectKey, id: campaign.id, revision: campaign.revision });
      setFailure(result.ok ? null : result);
      setConfirming(false);
    });
  if (campaign.status === 'closed') return null;
  return (
    <div className="flex flex-col gap-2" data-testid="campaign-status-actions">
      <div className="flex flex-wrap items-center gap-2">
        {campaign.status === 'planned' && (
          <Button type="button" variant="outline" disabled={pending} onClick={() => run(start)}>
            {t('detail.start')}
          </Button>
        )}
        {confirming ? (
          <span role="group" aria-label={t('detail.close')} className="flex flex-wrap items-center gap-2 rounded-md border border-destructive/40 p-2 text-sm">
            {t('detail.closeConfirm')}
            <Button type="button" variant="destructive" size="sm" disabled={pending} onClick={() => run(close)}>
              {t('detail.closeConfirmYes')}
            </Button>
            <Button type="button" variant="outline" size="sm" onClick={() => setConfirming(false)}>
              {t('items.cancel')}
            </Button>
          </span>
        ) : (
          <Button type="button" variant="outline" disabled={pending} onClick={() => setConfirming(true)}>
            {t('detail.close')}
          </Button>
        )}
      </div>
      {failure && (
        <div className="flex flex-col gap-1">
          <FormError failure={failure} />
          {typeof (failure.details as { total?: unknown } | undefined)?.total === 'number' && (
            <p className="text-sm text-destructive">{t('detail.blocking', { count: (failure.details as { total: number }).total })}</p>
          )}
        </div>
      )}
    </div>
  );
}
