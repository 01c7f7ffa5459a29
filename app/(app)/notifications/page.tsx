import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listNotifications } from '@/db/queries/notifications';
import { listPageSize } from '@/db/queries/page-size';
import { overdueReservationsFor } from '@/db/queries/reservation-overdue';
import { NotificationList } from '@/components/notifications/notification-list';
import { TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import { notificationHref, notificationText } from '@/lib/notifications/text';
import { parisToday } from '@/lib/signoff/reservations';
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
  const [{ rows, hasMore }, overdue] = await Promise.all([
    listNotifications(getDb(), user.id, { page, pageSize: listPageSize(PAGE_SIZE) }),
    page === 1 ? overdueReservationsFor(getDb(), user.id, parisToday(new Date())) : Promise.resolve([]),
  ]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'long', timeZone: TIME_ZONE });
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
      {overdue.length > 0 && (
        <section aria-labelledby="overdue-title" className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm" data-testid="overdue-reservations">
          <h2 id="overdue-title" className="text-base font-semibold text-red-900">
            {t('overdue.title')}
          </h2>
          <p>{t('overdue.intro')}</p>
          <ul className="flex flex-col gap-2">
            {overdue.map((r) => (
              <li key={r.id} className="flex flex-col" data-testid={`overdue-${r.projectKey}-${r.number}`}>
                <Link href={notificationHref(r.projectKey, `approvals/${r.requestNumber}`)} className="font-medium text-primary underline">
                  {t('overdue.entry', { number: r.number, due: day(r.dueDate), text: r.text.slice(0, 160) })}
                </Link>
                <span className="text-muted-foreground">
                  {r.projectName} · {t('overdue.owner', { name: r.ownerName ?? '—' })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {views.length === 0 ? (
        overdue.length === 0 && <p data-testid="notifications-empty">{t('empty')}</p>
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
