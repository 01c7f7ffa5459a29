import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { APPROVAL_SUBJECT } from '@/db/queries/approvals';
import { approvalRequests, projectMembers, projects, reservations, signatures, users } from '@/db/schema';

/**
 * Overdue reservations in the feed (DESIGN.md §3), computed when read rather than stored: there is no scheduler to
 * write a notice the day a due date passes, and writing one on read would make every page's bell a write (and
 * leave rows to delete when the reservation is lifted or its date moved). Read live, an entry appears the day after
 * its due date and disappears with its lifting, with nothing to keep in step.
 *
 * Whose: the reservation's owner and the approvers of its request (whoever signed a decision on it, not revoked),
 * while they are members of its project. `today` is Europe/Paris's date (lib/signoff/reservations.ts
 * parisToday); `due_date < today` on an open reservation is isOverdue's rule, on the (project, status, due) index.
 */
function overdueFor(userId: string, today: string) {
  const approver = sql`exists (select 1 from ${signatures} s where s.subject_kind = ${APPROVAL_SUBJECT}
    and s.subject_id = ${reservations.requestId}::text and s.signer_id = ${userId}::uuid and s.meaning <> 'revoked'
    and not exists (select 1 from ${signatures} r where r.revokes_id = s.id))`;
  return and(
    eq(reservations.status, 'open'),
    sql`${reservations.dueDate} < ${today}::date`,
    sql`(${reservations.ownerId} = ${userId}::uuid or ${approver})`,
  );
}

const memberOfProject = (userId: string) =>
  and(eq(projectMembers.projectId, reservations.projectId), eq(projectMembers.userId, sql`${userId}::uuid`));

/** The person's overdue reservations across their projects, oldest due first (capped: the feed shows a page). */
export async function overdueReservationsFor(db: Executor, userId: string, today: string, limit = 50) {
  return db
    .select({
      id: reservations.id,
      number: reservations.number,
      text: reservations.text,
      dueDate: reservations.dueDate,
      requestNumber: approvalRequests.number,
      projectKey: projects.key,
      projectName: projects.name,
      ownerName: users.name,
    })
    .from(reservations)
    .innerJoin(projectMembers, memberOfProject(userId))
    .innerJoin(projects, eq(projects.id, reservations.projectId))
    .innerJoin(approvalRequests, eq(approvalRequests.id, reservations.requestId))
    .leftJoin(users, eq(users.id, reservations.ownerId))
    .where(overdueFor(userId, today))
    .orderBy(asc(reservations.dueDate), asc(projects.key), asc(reservations.number))
    .limit(limit);
}

/** How many, for the bell (bellCounts in notifications.ts): a statement to embed, not run on its own. */
export function overdueCountQuery(db: Executor, userId: string, today: string) {
  return db
    .select({ count: sql<number>`count(*)::int` })
    .from(reservations)
    .innerJoin(projectMembers, memberOfProject(userId))
    .where(overdueFor(userId, today));
}
