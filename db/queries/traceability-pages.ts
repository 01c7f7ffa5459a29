import 'server-only';
import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { requirements, specifications, testCases, traceLinks, traceLinkStates } from '@/db/schema';
import { REQUIREMENT_STATUSES, type RequirementPriority, type RequirementStatus } from '@/lib/requirements/model';
import { toPrefixTsquery } from '@/lib/search/text-query';
import type { ExecutionResult } from '@/lib/recette/campaign-model';
import type { SpecificationStatus } from '@/lib/specifications/model';
import type { CoverageState } from '@/lib/traceability/coverage';
import { formatRef, parseRef } from '@/lib/traceability/refs';
import { coverageCase, coverageSql, groupedTestCounts, requirementCoverageCte, requirementTestsCte } from './coverage';
import { textSearchCondition } from './search';
import { listPageSize } from './page-size';

/**
 * Reads behind the traceability page, the link picker and the CSV exports. Each is one set-based statement whose
 * cost grows with the project, never one query per row.
 */

const REQUIREMENT_SPECIFICATION = 'requirement_specification';

export const TRACE_ITEM_TYPES = ['requirement', 'specification', 'testCase'] as const;
export type TraceItemType = (typeof TRACE_ITEM_TYPES)[number];

export interface TraceItemOption {
  id: string;
  ref: string;
  title: string;
  /** The item's status (a test case, which has none, gives its type). */
  status: string;
}

function traceItemTable(type: TraceItemType) {
  if (type === 'testCase') return { table: testCases, status: testCases.type };
  const table = type === 'requirement' ? requirements : specifications;
  return { table, status: table.status };
}

/**
 * The pickers' search (link pickers, the anomaly form's test case): a typed ref or a bare number finds that item;
 * words search the French full-text index (title first). Without a query, the first items by number. Bounded by
 * `limit`, however large the project.
 */
export async function searchTraceItems(
  db: Executor,
  projectId: string,
  type: TraceItemType,
  q: string | undefined,
  limit: number,
): Promise<TraceItemOption[]> {
  const { table, status } = traceItemTable(type);
  const text = q?.trim() ?? '';
  const matches = textSearchCondition(text, table, type);
  const condition = /^\d{1,7}$/.test(text) ? or(eq(table.number, Number(text)), matches) : matches;
  const tsquery = text && !parseRef(text) ? toPrefixTsquery(text) : null;
  const order: SQL[] = [];
  if (/^\d{1,7}$/.test(text)) order.push(sql`${table.number} = ${Number(text)} desc`);
  if (tsquery) order.push(desc(sql`ts_rank(${table.search}, to_tsquery('french', passerelle_unaccent(${tsquery})))`));
  order.push(asc(table.number));
  const rows = await db
    .select({ id: table.id, number: table.number, title: table.title, status })
    .from(table)
    .where(and(eq(table.projectId, projectId), condition))
    .orderBy(...order)
    .limit(limit);
  return rows.map((r) => ({ id: r.id, ref: formatRef(type, r.number), title: r.title, status: r.status }));
}

/** One item of the project as the pickers show it, or null (another project's id is as good as none). */
export async function findTraceItemOption(db: Executor, projectId: string, type: TraceItemType, id: string): Promise<TraceItemOption | null> {
  const { table, status } = traceItemTable(type);
  const [row] = await db
    .select({ id: table.id, number: table.number, title: table.title, status })
    .from(table)
    .where(and(eq(table.projectId, projectId), eq(table.id, id)));
  return row ? { id: row.id, ref: formatRef(type, row.number), title: row.title, status: row.status } : null;
}

/** The figures at the top of the traceability page, in one statement. Coverage counts leave obsolete requirements out. */
export async function traceabilitySummary(db: Executor, projectId: string) {
  const coverage = requirementCoverageCte(db, projectId);
  const tests = requirementTestsCte(db, projectId);
  const state = coverageSql(coverage, tests);
  const active = sql`${requirements.status} <> 'obsolete'`;
  const [row] = await db
    .with(coverage, tests)
    .select({
      requirements: sql<number>`count(${requirements.id})::int`,
      activeRequirements: sql<number>`(count(*) filter (where ${active}))::int`,
      verified: sql<number>`(count(*) filter (where ${active} and ${state} = 'verified'))::int`,
      failed: sql<number>`(count(*) filter (where ${active} and ${state} = 'failed'))::int`,
      covered: sql<number>`(count(*) filter (where ${active} and ${state} = 'covered'))::int`,
      uncovered: sql<number>`(count(*) filter (where ${active} and ${state} = 'uncovered'))::int`,
      suspect: sql<number>`(count(*) filter (where ${active} and ${state} = 'suspect'))::int`,
      withoutSpecification: sql<number>`(count(*) filter (where ${active} and ${coverage.specCount} is null))::int`,
      specifications: sql<number>`(select count(*)::int from ${specifications} where ${specifications.projectId} = ${projectId})`,
      orphanSpecifications: sql<number>`(select count(*)::int from ${specifications}
        where ${specifications.projectId} = ${projectId} and ${specifications.status} <> 'superseded'
        and not exists (select 1 from ${traceLinks} where ${traceLinks.kind} = ${REQUIREMENT_SPECIFICATION}
          and ${traceLinks.downstreamId} = ${specifications.id}))`,
      suspectLinks: sql<number>`(select coalesce(sum(${coverage.suspectCount}), 0)::int from ${coverage})`,
      withoutTest: sql<number>`(count(*) filter (where ${active} and ${tests.testCount} is null))::int`,
      specificationsWithoutTest: sql<number>`(select count(*)::int from ${specifications}
        where ${specifications.projectId} = ${projectId} and ${specifications.status} <> 'superseded'
        and not exists (select 1 from ${traceLinks} where ${traceLinks.kind} = 'specification_test_case'
          and ${traceLinks.upstreamId} = ${specifications.id}))`,
    })
    .from(requirements)
    .leftJoin(coverage, eq(coverage.requirementId, requirements.id))
    .leftJoin(tests, eq(tests.requirementId, requirements.id))
    .where(eq(requirements.projectId, projectId));
  return row!;
}

export type TraceabilitySummary = Awaited<ReturnType<typeof traceabilitySummary>>;

/** A requirement status, or `active`: every status but obsolete (what the coverage figures count). */
export const MATRIX_STATUS_FILTERS = ['active', ...REQUIREMENT_STATUSES] as const;
export type MatrixStatusFilter = (typeof MATRIX_STATUS_FILTERS)[number];

export interface MatrixFilters {
  q?: string;
  coverage?: CoverageState;
  status?: MatrixStatusFilter;
  priority?: RequirementPriority;
}

/** A linked specification as the matrix shows it: [number, status, linkId when the link is suspect, else null]. */
export type MatrixSpecification = [number, SpecificationStatus, string | null];
/**
 * A verifying test case as the matrix shows it: [number, whether a link to it (direct or inherited) is suspect,
 * its latest recorded result or null when it never ran to a result].
 */
export type MatrixTestCase = [number, boolean, ExecutionResult | null];

export interface MatrixRow {
  number: number;
  title: string;
  priority: RequirementPriority;
  status: RequirementStatus;
  coverage: CoverageState;
  specifications: MatrixSpecification[];
  testCases: MatrixTestCase[];
}

/** Rows of the matrix the page sends first; the rest is read by the GET route as the table scrolls. */
export const MATRIX_WINDOW = listPageSize(100);

/** A slice of the matrix in ref order; without one, every matching row (the CSV export). */
export interface MatrixWindow {
  offset: number;
  limit: number;
}

/**
 * The requirements × specifications matrix: the requirements matching the filters with their coverage and their
 * linked specifications aggregated into one JSON array per row, and how many match in all, in one grouped statement.
 * Requirements drive the join (not a per-project aggregate joined back), so a selective search uses the link index
 * instead of re-aggregating per row.
 */
export async function listTraceabilityMatrix(
  db: Executor,
  projectId: string,
  filters: MatrixFilters = {},
  window?: MatrixWindow,
): Promise<{ rows: MatrixRow[]; total: number }> {
  const matching = and(
    eq(requirements.projectId, projectId),
    filters.status === 'active' ? ne(requirements.status, 'obsolete') : filters.status && eq(requirements.status, filters.status),
    filters.priority && eq(requirements.priority, filters.priority),
    textSearchCondition(filters.q, requirements, 'requirement'),
  );
  // Without a coverage filter, the window is chosen among the requirements before any link is read, so a window
  // costs its own rows, not the whole project's aggregate. (Inside the subqueries, `requirements` is their own.)
  const early = window && !filters.coverage;
  const windowIds = early
    ? sql`select ${requirements.id} from ${requirements} where ${matching}
        order by ${requirements.number} limit ${window.limit} offset ${window.offset}`
    : undefined;
  // The test cases of the window's requirements only (or of the project's when the coverage filter needs them all).
  const tests = requirementTestsCte(db, projectId, windowIds);
  const grouped = groupedTestCounts(tests);
  const state = coverageCase({
    suspect: sql`(count(${traceLinkStates.id}) filter (where ${traceLinkStates.suspect}) + ${grouped.suspectLinks})`,
    approved: sql`count(${traceLinkStates.id}) filter (where ${specifications.status} = 'approved')`,
    tests: grouped.tests,
    passed: grouped.passed,
    failed: grouped.failed,
  });
  const query = db
    .with(tests)
    .select({
      number: requirements.number,
      title: requirements.title,
      priority: requirements.priority,
      status: requirements.status,
      coverage: state,
      total: early
        ? sql<number>`(select count(*)::int from ${requirements} where ${matching})`
        : sql<number>`(count(*) over ())::int`,
      specifications: sql<MatrixSpecification[]>`coalesce(json_agg(json_build_array(${specifications.number},
        ${specifications.status}, case when ${traceLinkStates.suspect} then ${traceLinkStates.id} end) order by ${specifications.number})
        filter (where ${traceLinkStates.id} is not null), '[]'::json)`,
      testCases: sql<MatrixTestCase[]>`coalesce((array_agg(${tests.testCases}))[1], '[]'::json)`,
    })
    .from(requirements)
    .leftJoin(
      traceLinkStates,
      and(eq(traceLinkStates.upstreamId, requirements.id), eq(traceLinkStates.kind, REQUIREMENT_SPECIFICATION)),
    )
    .leftJoin(specifications, eq(specifications.id, traceLinkStates.downstreamId))
    .leftJoin(tests, eq(tests.requirementId, requirements.id))
    .where(and(matching, windowIds && sql`${requirements.id} in (${windowIds})`))
    .groupBy(requirements.id)
    .having(filters.coverage ? sql`${state} = ${filters.coverage}` : undefined)
    .orderBy(asc(requirements.number))
    .$dynamic();
  const rows = await (window && !early ? query.limit(window.limit).offset(window.offset) : query);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** Non-obsolete requirements no specification answers yet, the most important first. */
export async function listRequirementsWithoutSpecification(db: Executor, projectId: string) {
  return db
    .select({
      number: requirements.number,
      title: requirements.title,
      priority: requirements.priority,
      status: requirements.status,
    })
    .from(requirements)
    .where(
      and(
        eq(requirements.projectId, projectId),
        sql`${requirements.status} <> 'obsolete'`,
        sql`not exists (select 1 from ${traceLinks} where ${traceLinks.kind} = ${REQUIREMENT_SPECIFICATION}
          and ${traceLinks.upstreamId} = ${requirements.id})`,
      ),
    )
    .orderBy(asc(requirements.priority), asc(requirements.number));
}

/** Specifications (other than superseded ones) that answer no requirement: orphans. */
export async function listOrphanSpecifications(db: Executor, projectId: string) {
  return db
    .select({
      number: specifications.number,
      title: specifications.title,
      category: specifications.category,
      status: specifications.status,
    })
    .from(specifications)
    .where(
      and(
        eq(specifications.projectId, projectId),
        sql`${specifications.status} <> 'superseded'`,
        sql`not exists (select 1 from ${traceLinks} where ${traceLinks.kind} = ${REQUIREMENT_SPECIFICATION}
          and ${traceLinks.downstreamId} = ${specifications.id})`,
      ),
    )
    .orderBy(asc(specifications.number));
}

/** Non-obsolete requirements no test case verifies, directly or through one of their specifications. */
export async function listRequirementsWithoutTest(db: Executor, projectId: string) {
  const tests = requirementTestsCte(db, projectId);
  return db
    .with(tests)
    .select({ number: requirements.number, title: requirements.title, priority: requirements.priority, status: requirements.status })
    .from(requirements)
    .where(
      and(
        eq(requirements.projectId, projectId),
        ne(requirements.status, 'obsolete'),
        sql`not exists (select 1 from ${tests} where ${tests.requirementId} = ${requirements.id})`,
      ),
    )
    .orderBy(asc(requirements.priority), asc(requirements.number));
}

/** Specifications (other than superseded ones) that no test case verifies. */
export async function listSpecificationsWithoutTest(db: Executor, projectId: string) {
  return db
    .select({ number: specifications.number, title: specifications.title, category: specifications.category, status: specifications.status })
    .from(specifications)
    .where(
      and(
        eq(specifications.projectId, projectId),
        ne(specifications.status, 'superseded'),
        sql`not exists (select 1 from ${traceLinks} where ${traceLinks.kind} = 'specification_test_case'
          and ${traceLinks.upstreamId} = ${specifications.id})`,
      ),
    )
    .orderBy(asc(specifications.number));
}

/** Requirement refs and titles by id, to show a parent chapter in a diff as "EXF-3 — Title" rather than a uuid. */
export async function requirementLabels(db: Executor, projectId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: requirements.id, number: requirements.number, title: requirements.title })
    .from(requirements)
    .where(and(eq(requirements.projectId, projectId), inArray(requirements.id, ids)));
  return new Map(rows.map((r) => [r.id, `${formatRef('requirement', r.number)} — ${r.title}`]));
}
