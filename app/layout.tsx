import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: { default: 'Passerelle', template: '%s · Passerelle' }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        {/* The shell's client components (header, project sidebar); each section's layout gives its own to its subtree. */}
        <ClientMessages namespaces={['nav', 'sections']}>{children}</ClientMessages>
      </body>
    </html>
  );
}
