import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/providers/client-messages';

/** Texts for the profile, password and sign-out forms. */
export default function ProfileLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['profile']}>{children}</ClientMessages>;
}
