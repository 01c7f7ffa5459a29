import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { MobileProjectNav } from '@/components/shell/mobile-project-nav';
import { sectionIcons } from '@/components/shell/section-icons';
import { UserMenu } from '@/components/shell/user-menu';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { getDb } from '@/db/client';
import { bellCounts } from '@/db/queries/notifications';
import { signOutCurrentSession } from '@/app/(auth)/login/actions';
import { setPreferredLocale, signOutEverywhere } from './profile/actions';
import { parisToday } from '@/lib/signoff/reservations';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // One statement of two indexed counts, the unread one capped: cheap enough for every signed-in page.
  const [t, { unread, overdue }] = await Promise.all([getTranslations('nav'), bellCounts(getDb(), user.id, parisToday(new Date()))]);
  return (
    <div className="flex min-h-screen flex-col">
      {/* First in the tab order, shown when focused: skips the header (and a project's sidebar) to the page. */}
      <a
        href={`#${MAIN_CONTENT_ID}`}
        // sr-only and not-sr-only both reset padding, so the focused box sets its own.
        className="sr-only z-50 rounded-md bg-background text-sm font-medium text-primary shadow-md focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:px-3 focus:py-2"
      >
        {t('skipToContent')}
      </a>
      <header className="flex h-14 items-center justify-between gap-2 border-b bg-background px-4">
        <div className="flex items-center gap-1">
          <MobileProjectNav icons={sectionIcons()} />
          <Link href="/projects" className="rounded-sm text-lg font-semibold text-primary">
            Passerelle
          </Link>
        </div>
        <div className="flex items-center gap-1 sm:gap-3">
          <NotificationBell unread={unread} overdue={overdue} />
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
