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
  pseudonymized,
  issuePasswordLink,
  setUserActive,
  setProjectCreator,
  pseudonymizeUser,
}: {
  userId: string;
  active: boolean;
  self: boolean;
  projectCreator: boolean;
  pseudonymized: boolean;
  issuePasswordLink: Action<{ userId: string }, { setupLink: string }>;
  setUserActive: Action<{ userId: string; active: boolean }, unknown>;
  setProjectCreator: Action<{ userId: string; creator: boolean }, unknown>;
  pseudonymizeUser: Action<{ userId: string }, unknown>;
}) {
  const t = useTranslations('admin');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // A pseudonymized account is closed for good: nothing left to do with it.
  if (pseudonymized) return null;
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
        {!self && (
          <Button
            size="sm"
            variant="destructive"
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t('confirmPseudonymize'))) return;
              startTransition(async () => {
                const result = await pseudonymizeUser({ userId });
                if (!result.ok) setError(result.message);
              });
            }}
          >
            {t('pseudonymize')}
          </Button>
        )}
      </div>
      {error && <p className="text-xs text-destructive">{error}</p>}
      {link && <SetupLink path={link} />}
    </div>
  );
}
