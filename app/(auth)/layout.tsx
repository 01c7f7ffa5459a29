import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/providers/client-messages';
import { LanguageSwitch } from '@/components/shell/language-switch';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-6">
      <div className="flex w-full max-w-sm items-center justify-between">
        <div>
          <p className="text-2xl font-semibold text-primary">Passerelle</p>
          <p className="text-xs text-muted-foreground">{t('tagline')}</p>
        </div>
        <LanguageSwitch />
      </div>
      <div className="w-full max-w-sm">
        <ClientMessages namespaces={['auth']}>{children}</ClientMessages>
      </div>
    </main>
  );
}
