import 'server-only';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { auditEvents, users } from '@/db/schema';

export interface AuditFilters {
  entity?: string;
  action?: string;
  actorId?: string;
  /** Inclusive lower bound and exclusive upper bound, as instants. */
  from?: Date;
  to?: Date;
  /** Keyset paging: events older than this id. */
  before?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Entities whose id is a person's (users.id): the journal shows that person's current name beside them. */
const PERSON_ENTITIES = ['member', 'user'];
const subject = alias(users, 'subject');

/**
 * One page of a project's journal, newest first, plus whether older events remain. Rows name people by id only;
 * the names (actor, and the person a member or account event is about) are joined here, at read time, so a
 * pseudonymized account shows its pseudonym.
 */
export async function listAuditEvents(db: Executor, projectId: string, filters: AuditFilters) {
  const conditions: SQL[] = [eq(auditEvents.projectId, projectId)];
  if (filters.entity) conditions.push(eq(auditEvents.entity, filters.entity));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.actorId) conditions.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.from) conditions.push(gte(auditEvents.createdAt, filters.from));
  if (filters.to) conditions.push(lt(auditEvents.createdAt, filters.to));
  if (filters.before) conditions.push(lt(auditEvents.id, filters.before));
  const rows = await db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      actorName: users.name,
      subjectName: subject.name,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(
      subject,
      eq(
        subject.id,
        sql`case when ${auditEvents.entity} in (${sql.join(PERSON_ENTITIES.map((e) => sql`${e}`), sql`, `)}) then ${auditEvents.entityId}::uuid end`,
      ),
    )
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  return { events: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** The values the journal's filters offer: entities and actions that occur in this project. */
export async function listAuditFacets(db: Executor, projectId: string) {
  const rows = await db
    .selectDistinct({ entity: auditEvents.entity, action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.projectId, projectId));
  return {
    entities: [...new Set(rows.map((r) => r.entity))].sort(),
    actions: [...new Set(rows.map((r) => r.action))].sort(),
  };
}
