import 'server-only';
import { and, arrayContains, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { requirements, specifications, testCases, traceLinkStates, users } from '@/db/schema';
import type { TestCasePriority, TestCaseType } from '@/lib/recette/model';
import type { Verification } from '@/lib/traceability/coverage';
import { requirementTestsCte } from './coverage';
import { rowsOf } from './raw-rows';
import { textSearchCondition } from './search';

export interface TestCaseFilters {
  q?: string;
  type?: TestCaseType;
  priority?: TestCasePriority;
  tag?: string;
  /** A folder path: its test cases and those of its sub-folders. */
  folder?: string;
  /** Only test cases with a suspect link (directly or inherited from their specification's requirement). */
  suspect?: boolean;
  page?: number;
  pageSize?: number;
}

export const TEST_CASE_PAGE_SIZE = 50;

const TEST_KINDS = ['specification_test_case', 'requirement_test_case'] as const;

/** A page of a project's test cases, folder by folder, with link and suspect counts, in one query. */
export async function listTestCases(db: Executor, projectId: string, filters: TestCaseFilters = {}) {
  const pageSize = filters.pageSize ?? TEST_CASE_PAGE_SIZE;
  const page = Math.max(filters.page ?? 1, 1);
  const matching = and(
    eq(testCases.projectId, projectId),
    filters.type && eq(testCases.type, filters.type),
    filters.priority && eq(testCases.priority, filters.priority),
    filters.tag ? arrayContains(testCases.tags, [filters.tag]) : undefined,
    filters.folder ? or(eq(testCases.folder, filters.folder), sql`${testCases.folder} like ${`${filters.folder.replace(/[\\%_]/g, '\\$&')}/%`}`) : undefined,
    textSearchCondition(filters.q, testCases, 'testCase'),
  );
  // Without the suspect filter, the page is chosen among the test cases before any link is read, so a page costs
  // its own rows' links, not the whole project's. (Inside the subqueries, `test_cases` is their own.)
  const early = !filters.suspect;
  const pageIds = early
    ? sql`select ${testCases.id} from ${testCases} where ${matching}
        order by ${testCases.folder}, ${testCases.number} limit ${pageSize} offset ${(page - 1) * pageSize}`
    : undefined;
  const links = db.$with('test_links').as(
    db
      .select({
        testCaseId: traceLinkStates.downstreamId,
        linkCount: sql<number>`count(*)::int`.as('link_count'),
        suspectCount: sql<number>`(count(*) filter (where ${traceLinkStates.suspect}))::int`.as('suspect_count'),
      })
      .from(traceLinkStates)
      .where(
        and(
          eq(traceLinkStates.projectId, projectId),
          inArray(traceLinkStates.kind, [...TEST_KINDS]),
          pageIds && sql`${traceLinkStates.downstreamId} in (${pageIds})`,
        ),
      )
      .groupBy(traceLinkStates.downstreamId),
  );
  const query = db
    .with(links)
    .select({
      id: testCases.id,
      number: testCases.number,
      title: testCases.title,
      type: testCases.type,
      priority: testCases.priority,
      folder: testCases.folder,
      tags: testCases.tags,
      automated: testCases.automated,
      stepCount: sql<number>`jsonb_array_length(${testCases.steps})::int`,
      version: testCases.version,
      linkCount: sql<number>`coalesce(${links.linkCount}, 0)`,
      suspectCount: sql<number>`coalesce(${links.suspectCount}, 0)`,
      total: early
        ? sql<number>`(select count(*)::int from ${testCases} where ${matching})`
        : sql<number>`(count(*) over ())::int`,
    })
    .from(testCases)
    .leftJoin(links, eq(links.testCaseId, testCases.id))
    .where(and(matching, pageIds ? sql`${testCases.id} in (${pageIds})` : sql`coalesce(${links.suspectCount}, 0) > 0`))
    .orderBy(asc(testCases.folder), asc(testCases.number))
    .$dynamic();
  const rows = await (early ? query : query.limit(pageSize).offset((page - 1) * pageSize));
  return { rows, total: rows[0]?.total ?? 0, page, pageSize };
}

/**
 * Folders and tags in use, for the filters. Each is hashed to its few distinct values before anything is sorted, and
 * both come from an index alone: the folders from test_cases_project_folder_idx, the distinct tag lists from
 * test_cases_project_tags_idx, unnested only then. `array_agg(distinct …)` sorted all 8,000 rows of the large
 * project first (30 ms of every list page), and unnesting every row's tags read all 8,000 rows (10 ms).
 */
export async function listTestCaseFacets(db: Executor, projectId: string) {
  const [row] = await rowsOf<{ folders: string[]; tags: string[] }>(
    db,
    sql`select
      array(select distinct ${testCases.folder} from ${testCases} where ${testCases.projectId} = ${projectId} and ${testCases.folder} <> '') as folders,
      array(select distinct t from (select distinct ${testCases.tags} as tags from ${testCases} where ${testCases.projectId} = ${projectId}) lists, unnest(lists.tags) t) as tags`,
  );
  const sort = (values: string[] | undefined) => [...(values ?? [])].sort((a, b) => a.localeCompare(b, 'fr'));
  return { folders: sort(row?.folders), tags: sort(row?.tags) };
}

export async function findTestCase(db: Executor, projectId: string, number: number) {
  const [row] = await db
    .select({
      id: testCases.id,
      number: testCases.number,
      title: testCases.title,
      objective: testCases.objective,
      preconditions: testCases.preconditions,
      testData: testCases.testData,
      steps: testCases.steps,
      type: testCases.type,
      priority: testCases.priority,
      folder: testCases.folder,
      tags: testCases.tags,
      automated: testCases.automated,
      automationKey: testCases.automationKey,
      criteria: testCases.criteria,
      version: testCases.version,
      revision: testCases.revision,
      updatedAt: testCases.updatedAt,
      updatedByName: users.name,
    })
    .from(testCases)
    .leftJoin(users, eq(users.id, testCases.updatedBy))
    .where(and(eq(testCases.projectId, projectId), eq(testCases.number, number)))
    .limit(1);
  return row ?? null;
}

/** What a test case verifies: its specifications and requirements, each link with its suspicion. */
export async function listTestCaseLinks(db: Executor, projectId: string, testCaseId: string) {
  const rows = await db
    .select({
      linkId: traceLinkStates.id,
      kind: traceLinkStates.kind,
      upstreamId: traceLinkStates.upstreamId,
      specificationNumber: specifications.number,
      specificationTitle: specifications.title,
      requirementNumber: requirements.number,
      requirementTitle: requirements.title,
      reviewedVersion: traceLinkStates.reviewedVersion,
      upstreamVersion: traceLinkStates.upstreamVersion,
      directlySuspect: traceLinkStates.directlySuspect,
      suspect: traceLinkStates.suspect,
    })
    .from(traceLinkStates)
    .leftJoin(specifications, eq(specifications.id, traceLinkStates.upstreamId))
    .leftJoin(requirements, eq(requirements.id, traceLinkStates.upstreamId))
    .where(
      and(
        eq(traceLinkStates.projectId, projectId),
        eq(traceLinkStates.downstreamId, testCaseId),
        inArray(traceLinkStates.kind, [...TEST_KINDS]),
      ),
    )
    .orderBy(asc(traceLinkStates.kind), asc(sql`coalesce(${specifications.number}, ${requirements.number})`));
  return rows.map((r) =>
    r.kind === 'specification_test_case'
      ? { ...r, targetType: 'specification' as const, number: r.specificationNumber!, title: r.specificationTitle! }
      : { ...r, targetType: 'requirement' as const, number: r.requirementNumber!, title: r.requirementTitle! },
  );
}

/** The test cases verifying one specification or requirement directly, each link with its suspicion. */
export async function listTestCasesOfItem(db: Executor, projectId: string, upstreamId: string) {
  return db
    .select({
      linkId: traceLinkStates.id,
      itemId: testCases.id,
      number: testCases.number,
      title: testCases.title,
      type: testCases.type,
      suspect: traceLinkStates.suspect,
    })
    .from(traceLinkStates)
    .innerJoin(testCases, eq(testCases.id, traceLinkStates.downstreamId))
    .where(
      and(
        eq(traceLinkStates.projectId, projectId),
        eq(traceLinkStates.upstreamId, upstreamId),
        inArray(traceLinkStates.kind, [...TEST_KINDS]),
      ),
    )
    .orderBy(asc(testCases.number));
}

/** How a requirement is verified by test cases, as the coverage rule counts it. */
export async function requirementVerification(db: Executor, projectId: string, requirementId: string): Promise<Verification> {
  const tests = requirementTestsCte(db, projectId, sql`select ${sql.param(requirementId)}::uuid`);
  const [row] = await db
    .with(tests)
    .select({ testCases: tests.testCount, suspectLinks: tests.suspectTestLinks, passed: tests.passedTests, failed: tests.failedTests })
    .from(tests)
    .where(eq(tests.requirementId, requirementId));
  return {
    testCases: row?.testCases ?? 0,
    suspect: (row?.suspectLinks ?? 0) > 0,
    passed: row?.passed ?? 0,
    failed: row?.failed ?? 0,
  };
}
