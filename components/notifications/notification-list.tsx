'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { Action } from '@/lib/actions/result';

export interface NotificationRowView {
  id: string;
  projectKey: string;
  text: string;
  href: string;
  projectName: string;
  /** Already formatted on the server (Europe/Paris). */
  when: string;
  by: string | null;
  unread: boolean;
}

interface Labels {
  markRead: string;
  markAllRead: string;
  unread: string;
  list: string;
}

/**
 * The feed's rows. Following a link marks the notice read first, so the bell is right on the page it opens;
 * "mark as read" and "mark all as read" stay on the feed.
 */
export function NotificationList({
  rows,
  labels,
  anyUnread,
  markRead,
  markAllRead,
}: {
  rows: NotificationRowView[];
  labels: Labels;
  anyUnread: boolean;
  markRead: Action<{ projectKey: string; notificationId: string }, unknown>;
  markAllRead: Action<Record<string, never>, unknown>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const open = (row: NotificationRowView) =>
    startTransition(async () => {
      if (row.unread) await markRead({ projectKey: row.projectKey, notificationId: row.id });
      router.push(row.href);
    });
  return (
    <div className="flex flex-col gap-3">
      {anyUnread && (
        <div>
          <Button variant="outline" disabled={pending} onClick={() => startTransition(async () => void (await markAllRead({}), router.refresh()))}>
            {labels.markAllRead}
          </Button>
        </div>
      )}
      <ul aria-label={labels.list} className="flex flex-col divide-y rounded-md border" data-testid="notification-list">
        {rows.map((row) => (
          <li key={row.id} className={`flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between ${row.unread ? 'border-l-4 border-l-primary' : ''}`}>
            <div className="flex min-w-0 flex-col gap-1">
              <Link
                href={row.href}
                className="font-medium text-primary underline-offset-4 hover:underline break-words"
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  open(row);
                }}
              >
                {row.unread && <span className="sr-only">{labels.unread}, </span>}
                {row.text}
              </Link>
              <p className="text-sm text-muted-foreground">
                {row.projectName} · {row.when}
                {row.by ? ` · ${row.by}` : ''}
              </p>
            </div>
            {row.unread && (
              <Button
                size="sm"
                variant="ghost"
                disabled={pending}
                onClick={() => startTransition(async () => void (await markRead({ projectKey: row.projectKey, notificationId: row.id }), router.refresh()))}
              >
                {labels.markRead}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
