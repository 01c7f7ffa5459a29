import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the release form, the thresholds, the checklist editor and the go / no-go form. */
export default function ReadinessLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['readiness']}>{children}</ClientMessages>;
}
