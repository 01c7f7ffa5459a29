import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the sign-off forms: decision and signature, reservations, RACI. */
export default function ApprovalsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['signoff']}>{children}</ClientMessages>;
}
