import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages } from '@/lib/i18n/pick-messages';
import type { catalogues } from '@/messages/catalogues';

type Namespace = keyof (typeof catalogues)['fr'];

/**
 * Gives the client components below it only the message namespaces (or branches, `requirements.statuses`) they use.
 * Without this, next-intl serializes the whole catalogue into every page. A nested provider replaces its parent's
 * messages (use-intl does not merge them), so list everything the client components of this subtree need.
 * Server components are unaffected: `getTranslations` reads the full catalogue from the request config.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly (Namespace | `${Namespace}.${string}`)[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
