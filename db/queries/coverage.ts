import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { CoverageState } from '@/lib/traceability/coverage';
import type { Executor } from '@/db/client';
import { specifications, traceLinkStates } from '@/db/schema';

/**
 * The one SQL place of the coverage rule of lib/traceability/coverage.ts (an integration test holds the two to the
 * same answers). Suspicion always comes from the trace_link_states view. Everything here is set-based: a grouped
 * subquery per set of requirements (a page, a window or the whole project), never a subquery per row.
 */

/** Per-requirement specification link counts of a project, in one grouped query. */
export function requirementCoverageCte(db: Executor, projectId: string) {
  return db.$with('coverage').as(
    db
      .select({
        requirementId: traceLinkStates.upstreamId,
        specCount: sql<number>`count(*)::int`.as('spec_count'),
        suspectCount: sql<number>`(count(*) filter (where ${traceLinkStates.suspect}))::int`.as('suspect_count'),
        approvedCount: sql<number>`(count(*) filter (where ${specifications.status} = 'approved'))::int`.as('approved_count'),
      })
      .from(traceLinkStates)
      .innerJoin(specifications, eq(specifications.id, traceLinkStates.downstreamId))
      .where(and(eq(traceLinkStates.projectId, projectId), eq(traceLinkStates.kind, 'requirement_specification')))
      .groupBy(traceLinkStates.upstreamId),
  );
}

export type CoverageCte = ReturnType<typeof requirementCoverageCte>;

/**
 * The test cases verifying each requirement of a project — its own links (requirement → test case) and those of
 * its specifications (specification → test case) — grouped per requirement in one statement: how many distinct
 * test cases, how many of the requirement's own links to them are suspect (suspicion through a specification is
 * the specification link's), and the test cases as a JSON array of [number, suspect] in number order.
 * `requirementIds` (a subquery of ids) limits the work to a page or a window of requirements.
 */
export function requirementTestsCte(db: Executor, projectId: string, requirementIds?: SQL) {
  const only = (column: SQL) => (requirementIds ? sql`and ${column} in (${requirementIds})` : sql``);
  return db
    .$with('requirement_tests', {
      requirementId: sql<string>`requirement_id`.as('requirement_id'),
      testCount: sql<number>`test_count`.as('test_count'),
      suspectTestLinks: sql<number>`suspect_test_links`.as('suspect_test_links'),
      testCases: sql<[number, boolean][]>`test_cases`.as('test_cases'),
    })
    .as(sql`
      select p.requirement_id, count(*)::int as test_count, sum(p.direct_suspect)::int as suspect_test_links,
        json_agg(json_build_array(tc.number, p.suspect) order by tc.number) as test_cases
      from (
        select x.requirement_id, x.test_case_id, bool_or(x.suspect) as suspect,
          count(*) filter (where x.direct and x.suspect) as direct_suspect
        from (
          select t.upstream_id as requirement_id, t.downstream_id as test_case_id, t.suspect, true as direct
          from trace_link_states t
          where t.project_id = ${projectId} and t.kind = 'requirement_test_case' ${only(sql`t.upstream_id`)}
          union all
          select rs.upstream_id, st.downstream_id, st.suspect, false
          from trace_links rs join trace_link_states st on st.upstream_id = rs.downstream_id and st.kind = 'specification_test_case'
          where rs.project_id = ${projectId} and rs.kind = 'requirement_specification' ${only(sql`rs.upstream_id`)}
        ) x
        group by x.requirement_id, x.test_case_id
      ) p
      join test_cases tc on tc.id = p.test_case_id
      group by p.requirement_id`);
}

export type RequirementTestsCte = ReturnType<typeof requirementTestsCte>;

/** The rule, on a query's own suspect-link, approved-specification and test-case counts. */
export function coverageCase(suspectCount: SQL, approvedCount: SQL, testCount: SQL) {
  return sql<CoverageState>`case
    when coalesce(${suspectCount}, 0) > 0 then 'suspect'
    when coalesce(${approvedCount}, 0) > 0 and coalesce(${testCount}, 0) > 0 then 'covered'
    else 'uncovered' end`;
}

/** The rule for a requirement row joined to the coverage and requirement-tests CTEs. */
export function coverageSql(cte: CoverageCte, tests: RequirementTestsCte) {
  return coverageCase(
    sql`(coalesce(${cte.suspectCount}, 0) + coalesce(${tests.suspectTestLinks}, 0))`,
    sql`${cte.approvedCount}`,
    sql`${tests.testCount}`,
  );
}
