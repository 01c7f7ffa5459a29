'use server';

import { eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { markAllRead, markRead } from '@/db/queries/notifications';
import { users } from '@/db/schema';
import { projectAction, userAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema } from '@/lib/projects/schemas';

/** The bell sits in the app's layout: every page shows the new count after a change. */
function revalidateBell() {
  revalidatePath('/', 'layout');
}

/**
 * Marks one of the person's own notices read. A notice belongs to a project: the wrapper's membership gate answers
 * "not found" to someone who left it, and anyone else's notice is not found either.
 */
export const markNotificationRead = projectAction({
  name: 'markNotificationRead',
  permission: 'project.read',
  input: z.object({ projectKey: projectKeySchema, notificationId: z.uuid() }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const row = await markRead(tx, actor.id, membership.projectId, input.notificationId);
    if (!row) throw new ActionError('not_found');
    if (!row.wasUnread) nothingChanged();
    else await audit({ entity: 'notification', entityId: row.id, action: 'read', before: { read: false }, after: { read: true } });
    return { id: row.id };
  },
  after: revalidateBell,
});

/** Marks every unread notice of the person read at once (one statement). */
export const markAllNotificationsRead = userAction({
  name: 'markAllNotificationsRead',
  input: z.object({}),
  async handler({ tx, actor, audit, nothingChanged }) {
    const count = await markAllRead(tx, actor.id);
    if (count === 0) nothingChanged();
    else await audit({ projectId: null, entity: 'notification', entityId: actor.id, action: 'read_all', before: { unread: count }, after: { unread: 0 } });
    return { count };
  },
  after: revalidateBell,
});

/** The person's choice of notices by e-mail too (the feed keeps them either way). */
export const setEmailNotifications = userAction({
  name: 'setEmailNotifications',
  input: z.object({ enabled: z.boolean() }),
  async handler({ tx, actor, input, audit, nothingChanged }) {
    const [before] = await tx.select({ enabled: users.emailNotifications }).from(users).where(eq(users.id, actor.id)).for('update');
    if (before?.enabled === input.enabled) {
      nothingChanged();
      return { enabled: input.enabled };
    }
    await tx
      .update(users)
      .set({ emailNotifications: input.enabled, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await audit({ projectId: null, entity: 'user', entityId: actor.id, action: 'set_email_notifications', before: { enabled: before?.enabled }, after: { enabled: input.enabled } });
    return { enabled: input.enabled };
  },
  after: revalidateBell,
});
