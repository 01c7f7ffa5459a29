import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CoverageState } from '@/lib/traceability/coverage';
import type { Executor } from '@/db/client';
import { specifications, traceLinkStates } from '@/db/schema';

/**
 * The one SQL place of the coverage rule of lib/traceability/coverage.ts (an integration test holds the two to the
 * same answers). Suspicion always comes from the trace_link_states view.
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
 * The links to the test cases verifying a requirement: its own (requirement → test case) and those of its
 * specifications (specification → test case), each with its suspicion, as a subquery of (link_id, test_case_id,
 * suspect, direct) rows.
 */
export function requirementTestLinks(requirementId: AnyPgColumn | SQL) {
  return sql`(
    select t.id as link_id, t.downstream_id as test_case_id, t.suspect, true as direct
    from trace_link_states t where t.kind = 'requirement_test_case' and t.upstream_id = ${requirementId}
    union all
    select st.id, st.downstream_id, st.suspect, false
    from trace_links rs join trace_link_states st on st.upstream_id = rs.downstream_id and st.kind = 'specification_test_case'
    where rs.kind = 'requirement_specification' and rs.upstream_id = ${requirementId}
  )`;
}

/** Distinct test cases verifying a requirement, directly or through one of its specifications. */
export function requirementTestCount(requirementId: AnyPgColumn | SQL) {
  return sql<number>`(select count(distinct x.test_case_id)::int from ${requirementTestLinks(requirementId)} x)`;
}

/** The requirement's own suspect links to test cases (suspicion through a specification is the spec link's). */
export function requirementSuspectTestLinks(requirementId: AnyPgColumn | SQL) {
  return sql<number>`(select count(*)::int from ${requirementTestLinks(requirementId)} x where x.direct and x.suspect)`;
}

/** The rule, on a query's own suspect-link, approved-specification and test-case counts. */
export function coverageCase(suspectCount: SQL, approvedCount: SQL, testCount: SQL) {
  return sql<CoverageState>`case
    when coalesce(${suspectCount}, 0) > 0 then 'suspect'
    when coalesce(${approvedCount}, 0) > 0 and coalesce(${testCount}, 0) > 0 then 'covered'
    else 'uncovered' end`;
}

/** The rule for a requirement row joined to the coverage CTE. */
export function coverageSql(cte: CoverageCte, requirementId: AnyPgColumn) {
  return coverageCase(
    sql`(coalesce(${cte.suspectCount}, 0) + ${requirementSuspectTestLinks(requirementId)})`,
    sql`${cte.approvedCount}`,
    requirementTestCount(requirementId),
  );
}
