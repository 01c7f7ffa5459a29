import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the project creation form. */
export default function NewProjectLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['projects']}>{children}</ClientMessages>;
}
