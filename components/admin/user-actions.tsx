'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { Action } from '@/lib/actions/result';
import { SetupLink } from '@/components/members/setup-link';
import { Button } from '@/components/ui/button';

export function UserActions({
  userId,
  active,
  self,
  projectCreator,
  issuePasswordLink,
  setUserActive,
  setProjectCreator,
}: {
  userId: string;
  active: boolean;
  self: boolean;
  projectCreator: boolean;
  issuePasswordLink: Action<{ userId: string }, { setupLink: string }>;
  setUserActive: Action<{ userId: string; active: boolean }, unknown>;
  setProjectCreator: Action<{ userId: string; creator: boolean }, unknown>;
}) {
  const t = useTranslations('admin');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await issuePasswordLink({ userId });
              if (result.ok) setLink(result.data.setupLink);
              else setError(result.message);
            })
          }
        >
          {t('newLink')}
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await setProjectCreator({ userId, creator: !projectCreator });
              if (!result.ok) setError(result.message);
            })
          }
        >
          {projectCreator ? t('revokeCreation') : t('grantCreation')}
        </Button>
        {!self && (
          <Button
            size="sm"
            variant={active ? 'destructive' : 'secondary'}
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await setUserActive({ userId, active: !active });
                if (!result.ok) setError(result.message);
              })
            }
          >
            {active ? t('deactivate') : t('reactivate')}
          </Button>
        )}
      </div>
      {error && <p className="text-xs text-destructive">{error}</p>}
      {link && <SetupLink path={link} />}
    </div>
  );
}
