import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the campaign form, the status buttons, the scope tools, the items table and the dashboard's charts. */
export default function CampaignsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['campaigns']}>{children}</ClientMessages>;
}
