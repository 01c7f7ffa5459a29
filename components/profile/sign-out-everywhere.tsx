'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { Action } from '@/lib/actions/result';
import { Button } from '@/components/ui/button';

export function SignOutEverywhere({ signOutEverywhere }: { signOutEverywhere: Action<Record<string, never>, unknown> }) {
  const t = useTranslations('profile');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await signOutEverywhere({});
          if (result.ok) router.push('/login');
        })
      }
    >
      {t('signOutEverywhere')}
    </Button>
  );
}
