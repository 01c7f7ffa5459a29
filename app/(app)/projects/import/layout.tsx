import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the project import form. */
export default function ImportProjectLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['archive']}>{children}</ClientMessages>;
}
