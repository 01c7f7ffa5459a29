import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ExecutionResult } from '@/lib/recette/campaign-model';
import type { CoverageState } from '@/lib/traceability/coverage';
import type { Executor } from '@/db/client';
import { specifications, traceLinkStates } from '@/db/schema';

/**
 * The one SQL place of the coverage rule of lib/traceability/coverage.ts (an integration test holds the two to the
 * same answers). Suspicion always comes from the trace_link_states view. Everything here is set-based: a grouped
 * subquery per set of requirements (a page, a window or the whole project), never a subquery per row.
 */

/** Per-requirement specification link counts of a project, in one grouped query; `requirementIds` as below. */
export function requirementCoverageCte(db: Executor, projectId: string, requirementIds?: SQL) {
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
      .where(
        and(
          eq(traceLinkStates.projectId, projectId),
          eq(traceLinkStates.kind, 'requirement_specification'),
          requirementIds && sql`${traceLinkStates.upstreamId} in (${requirementIds})`,
        ),
      )
      .groupBy(traceLinkStates.upstreamId),
  );
}

export type CoverageCte = ReturnType<typeof requirementCoverageCte>;

/**
 * The one definition of the test cases verifying each requirement of a project — its own links (requirement → test
 * case) and those of its specifications (specification → test case) — as a subquery with one row per requirement and
 * distinct test case: `requirement_id`, `test_case_id`, `test_number`, `suspect` (any of the links to it) and
 * `direct_suspect` (how many of the requirement's own links to it are suspect: suspicion through a specification is
 * the specification link's). `requirementIds` (a subquery of ids) limits the work to a page, a window or a set of
 * requirements.
 */
export function requirementTestCases(projectId: string, requirementIds?: SQL) {
  const only = (column: SQL) => (requirementIds ? sql`and ${column} in (${requirementIds})` : sql``);
  return sql`
    select p.requirement_id, p.test_case_id, tc.number as test_number, p.suspect, p.direct_suspect
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
    join test_cases tc on tc.id = p.test_case_id`;
}

/**
 * The test cases of requirementTestCases grouped per requirement in one statement: how many distinct test cases, how
 * many of the requirement's own links to them are suspect, how many of them last passed and last failed (each test
 * case's latest recorded result, read through the (test_case_id, started_at, id) index), and the test cases as a
 * JSON array of [number, suspect, latest result or null] in number order.
 */
export function requirementTestsCte(db: Executor, projectId: string, requirementIds?: SQL) {
  return db
    .$with('requirement_tests', {
      requirementId: sql<string>`requirement_id`.as('requirement_id'),
      testCount: sql<number>`test_count`.as('test_count'),
      suspectTestLinks: sql<number>`suspect_test_links`.as('suspect_test_links'),
      passedTests: sql<number>`passed_tests`.as('passed_tests'),
      failedTests: sql<number>`failed_tests`.as('failed_tests'),
      testCases: sql<[number, boolean, ExecutionResult | null][]>`test_cases`.as('test_cases'),
    })
    .as(sql`
      select p.requirement_id, count(*)::int as test_count, sum(p.direct_suspect)::int as suspect_test_links,
        (count(*) filter (where lr.status = 'passed'))::int as passed_tests,
        (count(*) filter (where lr.status = 'failed'))::int as failed_tests,
        json_agg(json_build_array(p.test_number, p.suspect, lr.status) order by p.test_number) as test_cases
      from (${requirementTestCases(projectId, requirementIds)}) p
      left join lateral (
        select e.status from executions e
        where e.test_case_id = p.test_case_id and e.status <> 'in_progress'
        order by e.started_at desc, e.id desc limit 1
      ) lr on true
      group by p.requirement_id`);
}

export type RequirementTestsCte = ReturnType<typeof requirementTestsCte>;

/** A query's own counts for the rule: suspect links, approved specifications, and the requirement-tests CTE's figures. */
export interface CoverageCounts {
  suspect: SQL;
  approved: SQL;
  tests: SQL;
  passed: SQL;
  failed: SQL;
}

/** The rule (lib/traceability/coverage.ts, same order), on a query's own counts. */
export function coverageCase(counts: CoverageCounts) {
  return sql<CoverageState>`case
    when coalesce(${counts.suspect}, 0) > 0 then 'suspect'
    when coalesce(${counts.failed}, 0) > 0 then 'failed'
    when coalesce(${counts.approved}, 0) = 0 or coalesce(${counts.tests}, 0) = 0 then 'uncovered'
    when coalesce(${counts.passed}, 0) = ${counts.tests} then 'verified'
    else 'covered' end`;
}

/**
 * The requirement-tests figures inside a query grouped per requirement: the CTE has one row per requirement, so
 * taking "the" value inside the grouping is exact.
 */
export function groupedTestCounts(tests: RequirementTestsCte) {
  return {
    tests: sql<number>`coalesce(min(${tests.testCount}), 0)::int`,
    suspectLinks: sql<number>`coalesce(min(${tests.suspectTestLinks}), 0)::int`,
    passed: sql`min(${tests.passedTests})`,
    failed: sql`min(${tests.failedTests})`,
  };
}

/** The rule for a requirement row joined (not grouped) to the coverage and requirement-tests CTEs. */
export function coverageSql(cte: CoverageCte, tests: RequirementTestsCte) {
  return coverageCase({
    suspect: sql`(coalesce(${cte.suspectCount}, 0) + coalesce(${tests.suspectTestLinks}, 0))`,
    approved: sql`${cte.approvedCount}`,
    tests: sql`${tests.testCount}`,
    passed: sql`${tests.passedTests}`,
    failed: sql`${tests.failedTests}`,
  });
}
