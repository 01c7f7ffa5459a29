import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

export default function ImportsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['spreadsheets.import']}>{children}</ClientMessages>;
}
