import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/**
 * Texts for the anomaly form and the small forms of the anomaly page, and for their type-ahead pickers of test cases
 * and specifications (with those items' status labels).
 */
export default function AnomaliesLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['anomalies', 'traceability.picker', 'specifications.statuses', 'testCases.types']}>{children}</ClientMessages>
  );
}
