'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { Action } from '@/lib/actions/result';
import { rememberLocaleInBrowser } from '@/lib/i18n/locale-cookie';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { cn } from '@/lib/ui/cn';

/** FR / EN. The cookie serves this browser at once; a signed-in person's choice is also saved to their profile. */
export function LanguageSwitch({ saveChoice }: { saveChoice?: Action<{ locale: Locale }, unknown> }) {
  const current = useLocale();
  const t = useTranslations('nav');
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    rememberLocaleInBrowser(locale);
    startTransition(async () => {
      if (saveChoice) await saveChoice({ locale });
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={t('language')} className="inline-flex rounded-md border bg-background p-0.5 text-xs">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          disabled={pending}
          aria-pressed={current === locale}
          onClick={() => choose(locale)}
          className={cn(
            'rounded px-2 py-1 font-medium uppercase',
            current === locale ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:bg-accent',
          )}
        >
          {locale}
        </button>
      ))}
    </div>
  );
}
