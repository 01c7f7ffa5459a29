import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the account administration forms. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['admin', 'members']}>{children}</ClientMessages>;
}
