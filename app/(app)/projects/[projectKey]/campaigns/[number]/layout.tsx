import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts of the runner's client part (steps, shortcuts overlay, retest proposals) and of the evidence panel. */
export default function CampaignSectionLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['campaigns', 'runner', 'evidence']}>{children}</ClientMessages>;
}
