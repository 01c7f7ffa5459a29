import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the anomaly form and the small forms of the anomaly page. */
export default function AnomaliesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['anomalies']}>{children}</ClientMessages>;
}
