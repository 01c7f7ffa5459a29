import { randomUUID } from 'node:crypto';
import { getDb, type Executor } from '@/db/client';
import { notifications } from '@/db/schema';
import { createProject } from './actors';

/**
 * An unread notice for `user`, in `project` or else in a project of their own (they are its owner, so the feed shows
 * it), written directly; with no user (signed out), a made-up id.
 */
export async function createNotificationRow(user: { id: string } | null, project?: { id: string }, db: Executor = getDb()): Promise<{ id: string }> {
  if (!user) return { id: randomUUID() };
  project ??= await createProject(user);
  const [row] = await db
    .insert(notifications)
    .values({ userId: user.id, projectId: project.id, kind: 'approval_requested', path: 'approvals/1', params: { ref: '#1', subject: 'LDB-1' } })
    .returning({ id: notifications.id });
  return row!;
}
