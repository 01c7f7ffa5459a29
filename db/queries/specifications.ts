import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { specifications, traceLinkStates, users } from '@/db/schema';
import type { SpecificationCategory, SpecificationStatus } from '@/lib/specifications/model';
import { textSearchCondition } from './search';

export interface SpecificationFilters {
  q?: string;
  status?: SpecificationStatus;
  category?: SpecificationCategory;
  /** Only specs with a suspect link (their requirement changed since review). */
  suspect?: boolean;
  page?: number;
  pageSize?: number;
}

export const SPECIFICATION_PAGE_SIZE = 50;

/** A page of a project's specifications with link and suspect counts, in one query. */
export async function listSpecifications(db: Executor, projectId: string, filters: SpecificationFilters = {}) {
  const links = db.$with('spec_links').as(
    db
      .select({
        specificationId: traceLinkStates.downstreamId,
        requirementCount: sql<number>`count(*)::int`.as('requirement_count'),
        suspectCount: sql<number>`(count(*) filter (where ${traceLinkStates.suspect}))::int`.as('suspect_count'),
      })
      .from(traceLinkStates)
      .where(and(eq(traceLinkStates.projectId, projectId), eq(traceLinkStates.kind, 'requirement_specification')))
      .groupBy(traceLinkStates.downstreamId),
  );
  const conditions: (SQL | undefined)[] = [
    eq(specifications.projectId, projectId),
    filters.status && eq(specifications.status, filters.status),
    filters.category && eq(specifications.category, filters.category),
    filters.suspect ? sql`coalesce(${links.suspectCount}, 0) > 0` : undefined,
    textSearchCondition(filters.q, specifications, 'specification'),
  ];
  const pageSize = filters.pageSize ?? SPECIFICATION_PAGE_SIZE;
  const page = Math.max(filters.page ?? 1, 1);
  const rows = await db
    .with(links)
    .select({
      id: specifications.id,
      number: specifications.number,
      title: specifications.title,
      category: specifications.category,
      status: specifications.status,
      version: specifications.version,
      updatedAt: specifications.updatedAt,
      requirementCount: sql<number>`coalesce(${links.requirementCount}, 0)`,
      suspectCount: sql<number>`coalesce(${links.suspectCount}, 0)`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(specifications)
    .leftJoin(links, eq(links.specificationId, specifications.id))
    .where(and(...conditions))
    .orderBy(asc(specifications.number))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: rows[0]?.total ?? 0, page, pageSize };
}

export async function findSpecification(db: Executor, projectId: string, number: number) {
  const [row] = await db
    .select({
      id: specifications.id,
      number: specifications.number,
      title: specifications.title,
      body: specifications.body,
      category: specifications.category,
      status: specifications.status,
      version: specifications.version,
      revision: specifications.revision,
      createdAt: specifications.createdAt,
      updatedAt: specifications.updatedAt,
      updatedByName: users.name,
    })
    .from(specifications)
    .leftJoin(users, eq(users.id, specifications.updatedBy))
    .where(and(eq(specifications.projectId, projectId), eq(specifications.number, number)))
    .limit(1);
  return row ?? null;
}
