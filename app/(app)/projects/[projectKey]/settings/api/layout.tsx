import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the token form and list (a nested provider replaces the settings one, so list all it needs). */
export default function ApiTokensLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['api.tokens', 'validation', 'errors']}>{children}</ClientMessages>;
}
