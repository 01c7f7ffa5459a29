import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the test-case form, its step and criteria editors, and the links panel with its picker. */
export default function TestCasesLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={['testCases', 'versioning', 'traceabilityBadges', 'traceability.picker', 'requirements.statuses', 'specifications.statuses']}
    >
      {children}
    </ClientMessages>
  );
}
