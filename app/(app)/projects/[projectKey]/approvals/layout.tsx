import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/**
 * Texts for the sign-off forms: decision and signature, reservations, RACI; and the specification search of the
 * baseline freeze form (the picker's own texts and the specification statuses it shows).
 */
export default function ApprovalsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['signoff', 'traceability.picker', 'specifications.statuses']}>{children}</ClientMessages>;
}
