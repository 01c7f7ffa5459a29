import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the specification editor and workflow, and the trace links panel of a specification. */
export default function SpecificationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['specifications', 'versioning', 'traceabilityBadges', 'traceability.panel', 'traceability.picker', 'requirements.statuses']}>{children}</ClientMessages>;
}
