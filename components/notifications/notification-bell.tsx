import { Bell } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { UNREAD_COUNT_CAP } from '@/lib/notifications/model';

/**
 * The header's bell: a link to the feed with the unread count and the overdue reservations (both counted by the
 * layout). An overdue reservation is no stored notice: it counts until it is lifted, and cannot be marked read.
 */
export async function NotificationBell({ unread, overdue }: { unread: number; overdue: number }) {
  const t = await getTranslations('notifications');
  const total = unread + overdue;
  const shown = total > UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP}+` : String(total);
  const label = overdue > 0 ? `${t('bellUnread', { count: unread })}, ${t('bellOverdue', { count: overdue })}` : t('bellUnread', { count: unread });
  return (
    <Link
      href="/notifications"
      aria-label={label}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-foreground hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <Bell aria-hidden="true" className="h-5 w-5" />
      {total > 0 && (
        <span
          data-testid="notification-count"
          aria-hidden="true"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-destructive px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}
