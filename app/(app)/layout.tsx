import Link from 'next/link';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { UserMenu } from '@/components/shell/user-menu';
import { signOutCurrentSession } from '@/app/(auth)/login/actions';
import { setPreferredLocale, signOutEverywhere } from './profile/actions';
import { requireUser } from '@/lib/session/current-user';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-14 items-center justify-between gap-4 border-b bg-background px-4">
        <Link href="/projects" className="text-lg font-semibold text-primary">
          Passerelle
        </Link>
        <div className="flex items-center gap-3">
          <LanguageSwitch saveChoice={setPreferredLocale} />
          <UserMenu
            name={user.name}
            email={user.email}
            isAdmin={user.isAdmin}
            signOut={signOutCurrentSession}
            signOutEverywhere={signOutEverywhere}
          />
        </div>
      </header>
      <QueryProvider>
        <div className="flex flex-1">{children}</div>
      </QueryProvider>
    </div>
  );
}
