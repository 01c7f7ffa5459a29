import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listNotifications } from '@/db/queries/notifications';
import { listPageSize } from '@/db/queries/page-size';
import { NotificationList } from '@/components/notifications/notification-list';
import { TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import { notificationHref, notificationText } from '@/lib/notifications/text';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';
import { markAllNotificationsRead, markNotificationRead } from './actions';

const PAGE_SIZE = 30;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const t = await getTranslations('notifications');
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const asked = Number((await searchParams).page);
  const page = Number.isInteger(asked) && asked > 0 && asked < 10_000 ? asked : 1;
  const { rows, hasMore } = await listNotifications(getDb(), user.id, { page, pageSize: listPageSize(PAGE_SIZE) });
  const views = rows.map((row) => ({
    id: row.id,
    projectKey: row.projectKey,
    text: notificationText(locale, row.kind, row.params),
    href: notificationHref(row.projectKey, row.path),
    projectName: row.projectName,
    when: format.dateTime(row.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }),
    by: row.actorName ? t('by', { name: row.actorName }) : null,
    unread: row.readAt === null,
  }));
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="outline-none mx-auto flex w-full max-w-3xl flex-col gap-4 p-4 sm:p-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-muted-foreground">{t('intro')}</p>
      {views.length === 0 ? (
        <p data-testid="notifications-empty">{t('empty')}</p>
      ) : (
        <NotificationList
          rows={views}
          anyUnread={views.some((v) => v.unread)}
          labels={{ markRead: t('markRead'), markAllRead: t('markAllRead'), unread: t('unread'), list: t('list') }}
          markRead={markNotificationRead}
          markAllRead={markAllNotificationsRead}
        />
      )}
      {(page > 1 || hasMore) && (
        <nav aria-label={t('pages')} className="flex gap-4 text-sm">
          {page > 1 && (
            <Link className="text-primary underline" href={`/notifications?page=${page - 1}`}>
              {t('newer')}
            </Link>
          )}
          {hasMore && (
            <Link className="text-primary underline" href={`/notifications?page=${page + 1}`}>
              {t('older')}
            </Link>
          )}
        </nav>
      )}
    </main>
  );
}
