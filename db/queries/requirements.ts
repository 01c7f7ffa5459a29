import 'server-only';
import { and, arrayContains, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { requirements, specifications, traceLinkStates, users } from '@/db/schema';
import type { RequirementPriority, RequirementStatus } from '@/lib/requirements/model';
import type { CoverageState } from '@/lib/traceability/coverage';
import { coverageCase, groupedTestCounts, requirementTestsCte } from './coverage';
import { textSearchCondition } from './search';
import { listPageSize } from './page-size';

export interface RequirementFilters {
  q?: string;
  status?: RequirementStatus;
  priority?: RequirementPriority;
  tag?: string;
  coverage?: CoverageState;
  /** One level of the tree: the requirements filed directly under this one, or the top level with null. */
  parentId?: string | null;
  /** 1-based page; `pageSize` 0 returns every row. */
  page?: number;
  pageSize?: number;
}

export const REQUIREMENT_PAGE_SIZE = listPageSize(50);
/** Rows of one tree level per page: chapters are read level by level as they are opened. */
export const REQUIREMENT_TREE_PAGE_SIZE = listPageSize(100);

/**
 * A page of a project's requirements with their coverage, in one grouped statement. Requirements drive the join
 * (not a per-project aggregate joined back), so a selective search uses the link index instead of re-aggregating.
 */
export async function listRequirements(db: Executor, projectId: string, filters: RequirementFilters = {}) {
  const pageSize = filters.pageSize ?? REQUIREMENT_PAGE_SIZE;
  const page = Math.max(filters.page ?? 1, 1);
  const matching = and(
    eq(requirements.projectId, projectId),
    filters.parentId === null ? isNull(requirements.parentId) : filters.parentId ? eq(requirements.parentId, filters.parentId) : undefined,
    filters.status && eq(requirements.status, filters.status),
    filters.priority && eq(requirements.priority, filters.priority),
    filters.tag ? arrayContains(requirements.tags, [filters.tag]) : undefined,
    textSearchCondition(filters.q, requirements, 'requirement'),
  );
  // Without a coverage filter, the page is chosen among the requirements before any link is read, so a page costs
  // its own rows, not the whole project's aggregate. (Inside the subqueries, `requirements` is their own.)
  const early = pageSize > 0 && !filters.coverage;
  const pageIds = early
    ? sql`select ${requirements.id} from ${requirements} where ${matching}
        order by ${requirements.number} limit ${pageSize} offset ${(page - 1) * pageSize}`
    : undefined;
  // The test cases of the page's requirements only (of the project's when the coverage filter needs them all).
  const tests = requirementTestsCte(db, projectId, pageIds);
  const suspectCount = sql<number>`(count(${traceLinkStates.id}) filter (where ${traceLinkStates.suspect}))::int`;
  const approvedCount = sql<number>`(count(${traceLinkStates.id}) filter (where ${specifications.status} = 'approved'))::int`;
  const grouped = groupedTestCounts(tests);
  const testCount = grouped.tests;
  const state = coverageCase({
    suspect: sql`(${suspectCount} + ${grouped.suspectLinks})`,
    approved: approvedCount,
    tests: testCount,
    passed: grouped.passed,
    failed: grouped.failed,
  });
  const query = db
    .with(tests)
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
      // The index on (project_id, parent_id) answers this per row of the page, never a scan of the project.
      childCount: sql<number>`(select count(*)::int from ${requirements} as child
        where child.project_id = ${requirements.projectId} and child.parent_id = ${requirements.id})`,
      total: early
        ? sql<number>`(select count(*)::int from ${requirements} where ${matching})`
        : sql<number>`(count(*) over ())::int`,
    })
    .from(requirements)
    .leftJoin(
      traceLinkStates,
      and(eq(traceLinkStates.upstreamId, requirements.id), eq(traceLinkStates.kind, 'requirement_specification')),
    )
    .leftJoin(specifications, eq(specifications.id, traceLinkStates.downstreamId))
    .leftJoin(tests, eq(tests.requirementId, requirements.id))
    .where(and(matching, pageIds && sql`${requirements.id} in (${pageIds})`))
    .groupBy(requirements.id)
    .having(filters.coverage ? sql`${state} = ${filters.coverage}` : undefined)
    .orderBy(asc(requirements.number))
    .$dynamic();
  const rows = pageSize > 0 && !early ? await query.limit(pageSize).offset((page - 1) * pageSize) : await query;
  return { rows, total: rows[0]?.total ?? 0, page, pageSize };
}

/** How many requirements the project holds, whatever their level. */
export async function countRequirements(db: Executor, projectId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(requirements)
    .where(eq(requirements.projectId, projectId));
  return row?.count ?? 0;
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

/** Whether this requirement id belongs to the project (ids from a request are checked against it, never trusted). */
export async function requirementInProject(db: Executor, projectId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: requirements.id })
    .from(requirements)
    .where(and(eq(requirements.projectId, projectId), eq(requirements.id, id)));
  return row !== undefined;
}
