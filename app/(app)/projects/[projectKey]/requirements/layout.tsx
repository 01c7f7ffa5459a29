import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the requirement tree, filters and form, and the trace links panel of a requirement. */
export default function RequirementsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['requirements', 'versioning', 'traceabilityBadges', 'traceability.panel', 'traceability.picker', 'specifications.statuses']}>{children}</ClientMessages>;
}
