import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { CoverageState } from '@/lib/traceability/coverage';
import type { Executor } from '@/db/client';
import { specifications, traceLinkStates } from '@/db/schema';

/**
 * Per-requirement link counts of a project, in one grouped query. `coverageSql` turns them into the state defined by
 * lib/traceability/coverage.ts (an integration test holds the two to the same answers).
 */
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

/** The rule of lib/traceability/coverage.ts in SQL, on a query's own suspect and approved-spec link counts. */
export function coverageCase(suspectCount: SQL, approvedCount: SQL) {
  return sql<CoverageState>`case
    when coalesce(${suspectCount}, 0) > 0 then 'suspect'
    when coalesce(${approvedCount}, 0) > 0 then 'covered'
    else 'uncovered' end`;
}

export function coverageSql(cte: CoverageCte) {
  return coverageCase(sql`${cte.suspectCount}`, sql`${cte.approvedCount}`);
}
