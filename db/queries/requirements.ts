import 'server-only';
import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { requirements, specifications, traceLinkStates, users } from '@/db/schema';
import type { RequirementPriority, RequirementStatus } from '@/lib/requirements/model';
import type { CoverageState } from '@/lib/traceability/coverage';
import { coverageCase, requirementSuspectTestLinks, requirementTestCount } from './coverage';
import { textSearchCondition } from './search';

export interface RequirementFilters {
  q?: string;
  status?: RequirementStatus;
  priority?: RequirementPriority;
  tag?: string;
  coverage?: CoverageState;
  /** 1-based page; `pageSize` 0 returns every row (the tree view). */
  page?: number;
  pageSize?: number;
}

export const REQUIREMENT_PAGE_SIZE = 50;

/**
 * A page of a project's requirements with their coverage, in one grouped statement. Requirements drive the join
 * (not a per-project aggregate joined back), so a selective search uses the link index instead of re-aggregating.
 */
export async function listRequirements(db: Executor, projectId: string, filters: RequirementFilters = {}) {
  const suspectCount = sql<number>`(count(${traceLinkStates.id}) filter (where ${traceLinkStates.suspect}))::int`;
  const approvedCount = sql<number>`(count(${traceLinkStates.id}) filter (where ${specifications.status} = 'approved'))::int`;
  const testCount = requirementTestCount(requirements.id);
  const state = coverageCase(sql`(${suspectCount} + ${requirementSuspectTestLinks(requirements.id)})`, approvedCount, testCount);
  const pageSize = filters.pageSize ?? REQUIREMENT_PAGE_SIZE;
  const page = Math.max(filters.page ?? 1, 1);
  const query = db
    .select({
      id: requirements.id,
      number: requirements.number,
      parentId: requirements.parentId,
      title: requirements.title,
      priority: requirements.priority,
      status: requirements.status,
      tags: requirements.tags,
      version: requirements.version,
      updatedAt: requirements.updatedAt,
      specCount: sql<number>`count(${traceLinkStates.id})::int`,
      suspectCount,
      testCount,
      coverage: state,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(requirements)
    .leftJoin(
      traceLinkStates,
      and(eq(traceLinkStates.upstreamId, requirements.id), eq(traceLinkStates.kind, 'requirement_specification')),
    )
    .leftJoin(specifications, eq(specifications.id, traceLinkStates.downstreamId))
    .where(
      and(
        eq(requirements.projectId, projectId),
        filters.status && eq(requirements.status, filters.status),
        filters.priority && eq(requirements.priority, filters.priority),
        filters.tag ? arrayContains(requirements.tags, [filters.tag]) : undefined,
        textSearchCondition(filters.q, requirements, 'requirement'),
      ),
    )
    .groupBy(requirements.id)
    .having(filters.coverage ? sql`${state} = ${filters.coverage}` : undefined)
    .orderBy(asc(requirements.number))
    .$dynamic();
  const rows = pageSize > 0 ? await query.limit(pageSize).offset((page - 1) * pageSize) : await query;
  return { rows, total: rows[0]?.total ?? 0, page, pageSize };
}

/** The project's tags in use, for the filter. */
export async function listRequirementTags(db: Executor, projectId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${requirements.tags})` })
    .from(requirements)
    .where(eq(requirements.projectId, projectId));
  return rows.map((r) => r.tag).sort((a, b) => a.localeCompare(b, 'fr'));
}

/** One requirement by its number, within the project (never across projects). */
export async function findRequirement(db: Executor, projectId: string, number: number) {
  const [row] = await db
    .select({
      id: requirements.id,
      number: requirements.number,
      parentId: requirements.parentId,
      title: requirements.title,
      statement: requirements.statement,
      rationale: requirements.rationale,
      acceptanceCriteria: requirements.acceptanceCriteria,
      priority: requirements.priority,
      status: requirements.status,
      source: requirements.source,
      tags: requirements.tags,
      version: requirements.version,
      revision: requirements.revision,
      createdAt: requirements.createdAt,
      updatedAt: requirements.updatedAt,
      updatedByName: users.name,
    })
    .from(requirements)
    .leftJoin(users, eq(users.id, requirements.updatedBy))
    .where(and(eq(requirements.projectId, projectId), eq(requirements.number, number)))
    .limit(1);
  return row ?? null;
}

/** Chapters a requirement can be filed under: the project's requirements, for the parent picker. */
export async function listRequirementOutline(db: Executor, projectId: string) {
  return db
    .select({ id: requirements.id, number: requirements.number, title: requirements.title, parentId: requirements.parentId })
    .from(requirements)
    .where(eq(requirements.projectId, projectId))
    .orderBy(asc(requirements.number));
}
