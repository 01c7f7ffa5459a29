import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the matrix, its filters, the gap lists and the link review. */
export default function TraceabilityLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['traceability', 'testCases', 'traceabilityBadges', 'requirements.priorities', 'requirements.statuses', 'specifications.categories', 'specifications.statuses']}>{children}</ClientMessages>;
}
