import 'server-only';
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { emailOutbox, notifications, projectMembers, projects, users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { LOCALES } from '@/lib/i18n/locales';
import { overdueCountQuery } from '@/db/queries/reservation-overdue';
import { UNREAD_COUNT_CAP, type NotificationKind, type NotificationParams } from '@/lib/notifications/model';
import { mailEnabled, markMailQueued } from '@/lib/notifications/outbox-signal';
import { notificationMail } from '@/lib/notifications/text';

export interface Notice {
  projectId: string;
  kind: NotificationKind;
  /** The object's place in the project (`approvals/3`); the link is built from the project's key when shown. */
  path: string;
  params: NotificationParams;
  actorId: string | null;
}

/**
 * Writes one notice for each recipient that is a current, active member of the project, in the caller's
 * transaction, and its e-mail to the outbox when the instance sends e-mail and the person wants it: two set-based
 * statements whatever the number of recipients. `who` is either a list of user ids or a subquery of them.
 */
export async function notify(tx: Transaction, notice: Notice, who: readonly string[] | SQL): Promise<number> {
  if (Array.isArray(who) && who.length === 0) return 0;
  const recipientIds = Array.isArray(who) ? sql`${sql.join(who.map((id) => sql`${id}::uuid`), sql`, `)}` : (who as SQL);
  const inserted = await tx
    .insert(notifications)
    .select(
      tx
        .select({
          id: sql`gen_random_uuid()`.as('id'),
          userId: projectMembers.userId,
          projectId: projectMembers.projectId,
          kind: sql`${notice.kind}`.as('kind'),
          actorId: sql`${notice.actorId}::uuid`.as('actor_id'),
          path: sql`${notice.path}`.as('path'),
          params: sql`${JSON.stringify(notice.params)}::jsonb`.as('params'),
          createdAt: sql`now()`.as('created_at'),
          readAt: sql`null::timestamptz`.as('read_at'),
        })
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(
          and(
            eq(projectMembers.projectId, notice.projectId),
            sql`${projectMembers.userId} in (${recipientIds})`,
            notice.actorId ? sql`${projectMembers.userId} <> ${notice.actorId}::uuid` : undefined,
            eq(users.isActive, true),
          ),
        ),
    )
    .returning({ id: notifications.id });
  if (inserted.length > 0 && mailEnabled()) await queueMail(tx, notice, inserted.map((n) => n.id));
  return inserted.length;
}

/** The e-mails of just-written notices: the text in each language once, each reader's picked by their locale. */
async function queueMail(tx: Transaction, notice: Notice, ids: string[]) {
  const [project] = await tx.select({ key: projects.key, name: projects.name }).from(projects).where(eq(projects.id, notice.projectId));
  if (!project) return;
  const texts = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      notificationMail(locale, { ...notice, projectKey: project.key, projectName: project.name }, process.env.AUTH_URL),
    ]),
  ) as Record<Locale, { subject: string; body: string }>;
  const localeOf = sql`(case when ${users.locale} = 'en' then 'en' else 'fr' end)`;
  const pick = (field: 'subject' | 'body') => sql`(case when ${users.locale} = 'en' then ${texts.en[field]} else ${texts.fr[field]} end)`;
  const queued = await tx
    .insert(emailOutbox)
    .select(
      tx
        .select({
          id: sql`gen_random_uuid()`.as('id'),
          notificationId: notifications.id,
          toAddress: users.email,
          locale: localeOf.as('locale'),
          subject: pick('subject').as('subject'),
          body: pick('body').as('body'),
          createdAt: sql`now()`.as('created_at'),
          claimedUntil: sql`null::timestamptz`.as('claimed_until'),
          attempts: sql`0`.as('attempts'),
          lastError: sql`null::text`.as('last_error'),
          sentAt: sql`null::timestamptz`.as('sent_at'),
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(and(inArray(notifications.id, ids), eq(users.emailNotifications, true), isNull(users.pseudonymizedAt))),
    )
    .returning({ id: emailOutbox.id });
  if (queued.length > 0) markMailQueued(tx);
}

/** Only the rows of projects the person still belongs to: leaving a project hides its notices. */
const stillMember = and(eq(projectMembers.projectId, notifications.projectId), eq(projectMembers.userId, notifications.userId));

/**
 * The bell's two figures, in one statement since every signed-in page shows them: unread notices, counted up to
 * just past the cap on the unread index, and overdue reservations (reservation-overdue.ts). Read from the person's
 * own row, so a person without notices still gets one row of zeros.
 */
export async function bellCounts(db: Executor, userId: string, today: string): Promise<{ unread: number; overdue: number }> {
  const capped = db
    .select({ one: sql`1`.as('one') })
    .from(notifications)
    .innerJoin(projectMembers, stillMember)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .limit(UNREAD_COUNT_CAP + 1)
    .as('capped');
  const unread = db.select({ count: sql<number>`count(*)::int` }).from(capped);
  const [row] = await db
    .select({ unread: sql<number>`(${unread})`, overdue: sql<number>`(${overdueCountQuery(db, userId, today)})` })
    .from(users)
    .where(eq(users.id, userId));
  return { unread: row?.unread ?? 0, overdue: row?.overdue ?? 0 };
}

/** One page of the person's feed, newest first, with one row more than asked to tell whether another page follows. */
export async function listNotifications(db: Executor, userId: string, options: { page: number; pageSize: number }) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      path: notifications.path,
      params: notifications.params,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      projectKey: projects.key,
      projectName: projects.name,
      actorName: users.name,
    })
    .from(notifications)
    .innerJoin(projectMembers, stillMember)
    .innerJoin(projects, eq(projects.id, notifications.projectId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.pageSize + 1)
    .offset((options.page - 1) * options.pageSize);
  return { rows: rows.slice(0, options.pageSize), hasMore: rows.length > options.pageSize };
}

/**
 * Marks one of the person's own notices of this project read: `wasUnread` false when it already was; null when there
 * is no such notice (someone else's, another project's…).
 */
export async function markRead(tx: Transaction, userId: string, projectId: string, id: string) {
  const own = and(eq(notifications.id, id), eq(notifications.userId, userId), eq(notifications.projectId, projectId));
  const [updated] = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(own, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (updated) return { id: updated.id, wasUnread: true };
  const [already] = await tx.select({ id: notifications.id }).from(notifications).where(own);
  return already ? { id: already.id, wasUnread: false } : null;
}

/** Marks every unread visible notice of the person read, in one statement; returns how many. */
export async function markAllRead(tx: Transaction, userId: string): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(eq(notifications.userId, userId), isNull(notifications.readAt), sql`exists (select 1 from ${projectMembers} where ${stillMember})`),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
