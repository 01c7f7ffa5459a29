import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the project settings form and the member list. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['settings', 'members', 'roles', 'projects']}>{children}</ClientMessages>;
}
