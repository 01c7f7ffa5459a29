import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  anomalies,
  approvalRequests,
  baselines,
  campaignItemStates as itemStates,
  campaigns,
  goNoGoRecords,
  projectImports,
  projects,
  readinessThresholds,
  releaseCampaigns,
  releaseChecklistItems,
  releases,
  requirements,
  reservations,
  users,
} from '@/db/schema';
import { OPEN_ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import { proposeDecision, type ReadinessInputs } from '@/lib/signoff/decision';
import type { ApprovalStatus } from '@/lib/signoff/model';
import { DEFAULT_THRESHOLDS, type Thresholds } from '@/lib/signoff/readiness-model';
import { parisToday } from '@/lib/signoff/reservations';
import type { GoNoGoContent, ReadinessSnapshot, SnapshotRequirement } from '@/lib/signoff/readiness-snapshot';
import { coverageCase, requirementCoverageCte, requirementTestsCte } from './coverage';
import { listPageSize } from './page-size';

/**
 * Reads behind the release pages (DESIGN.md §3 go / no-go): every criterion computed live, each with the items
 * behind it. The inputs of the decision come from one statement; the evidence lists from one statement each, so a
 * release page runs the same number of statements whatever the size of the project.
 */

export const RELEASE_PAGE_SIZE = 50;
export { GO_NO_GO_SUBJECT, GO_NO_GO_VERSION } from '@/lib/signoff/readiness-model';
/** How many items each evidence list shows (its total is always given). */
export const EVIDENCE_LIMIT = 50;

export async function findThresholds(db: Executor, projectId: string) {
  const [row] = await db
    .select({ maxBlocking: readinessThresholds.maxBlocking, maxMajor: readinessThresholds.maxMajor, revision: readinessThresholds.revision })
    .from(readinessThresholds)
    .where(eq(readinessThresholds.projectId, projectId));
  // No row yet: the defaults, as revision 1 (the first save creates the row at 2).
  return row ?? { ...DEFAULT_THRESHOLDS, revision: 1 };
}

/** A page of the project's releases, newest first, with their campaign count and their latest go / no-go decision. */
export async function listReleases(db: Executor, projectId: string, options: { page?: number } = {}) {
  const pageSize = listPageSize(RELEASE_PAGE_SIZE);
  const page = Math.max(options.page ?? 1, 1);
  const rows = await db
    .select({
      id: releases.id,
      number: releases.number,
      name: releases.name,
      version: releases.version,
      targetDate: releases.targetDate,
      campaigns: sql<number>`(select count(*)::int from ${releaseCampaigns} where ${releaseCampaigns.releaseId} = ${releases.id})`,
      decision: sql<string | null>`(select ${goNoGoRecords.decision}::text from ${goNoGoRecords}
        where ${goNoGoRecords.releaseId} = ${releases.id} order by ${goNoGoRecords.recordedAt} desc limit 1)`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(releases)
    .where(eq(releases.projectId, projectId))
    .orderBy(desc(releases.number))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: rows[0]?.total ?? 0, page, pageSize };
}

export async function findRelease(db: Executor, projectId: string, number: number) {
  const [row] = await db
    .select({
      id: releases.id,
      number: releases.number,
      name: releases.name,
      version: releases.version,
      targetDate: releases.targetDate,
      scope: releases.scope,
      revision: releases.revision,
      campaignIds: sql<string[]>`coalesce((select array_agg(${releaseCampaigns.campaignId}::text order by ${releaseCampaigns.campaignId})
        from ${releaseCampaigns} where ${releaseCampaigns.releaseId} = ${releases.id}), '{}')`,
    })
    .from(releases)
    .where(and(eq(releases.projectId, projectId), eq(releases.number, number)))
    .limit(1);
  return row ?? null;
}

export type ReleaseRow = NonNullable<Awaited<ReturnType<typeof findRelease>>>;

/** Campaigns a release may group: the project's, newest first (a project has tens of them, not thousands). */
export async function listCampaignChoices(db: Executor, projectId: string) {
  return db
    .select({ id: campaigns.id, number: campaigns.number, name: campaigns.name, status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.projectId, projectId))
    .orderBy(desc(campaigns.number))
    .limit(200);
}

const stateCount = (state: string) => sql<number>`(count(${itemStates.id}) filter (where ${itemStates.state} = ${state}))::int`;

/** The release's campaigns with their results, in one grouped statement. */
export async function releaseCampaignResults(db: Executor, releaseId: string) {
  return db
    .select({
      id: campaigns.id,
      number: campaigns.number,
      name: campaigns.name,
      type: campaigns.type,
      environment: campaigns.environment,
      build: campaigns.build,
      status: campaigns.status,
      closedAt: campaigns.closedAt,
      total: sql<number>`count(${itemStates.id})::int`,
      passed: stateCount('passed'),
      failed: stateCount('failed'),
      blocked: stateCount('blocked'),
      notRun: stateCount('not_run'),
    })
    .from(releaseCampaigns)
    .innerJoin(campaigns, eq(campaigns.id, releaseCampaigns.campaignId))
    .leftJoin(itemStates, eq(itemStates.campaignId, campaigns.id))
    .where(eq(releaseCampaigns.releaseId, releaseId))
    .groupBy(campaigns.id)
    .orderBy(asc(campaigns.number));
}

export async function releaseChecklist(db: Executor, releaseId: string) {
  return db
    .select({
      id: releaseChecklistItems.id,
      position: releaseChecklistItems.position,
      label: releaseChecklistItems.label,
      ownerId: releaseChecklistItems.ownerId,
      ownerName: users.name,
      status: releaseChecklistItems.status,
      evidenceUrl: releaseChecklistItems.evidenceUrl,
      revision: releaseChecklistItems.revision,
    })
    .from(releaseChecklistItems)
    .leftJoin(users, eq(users.id, releaseChecklistItems.ownerId))
    .where(eq(releaseChecklistItems.releaseId, releaseId))
    .orderBy(asc(releaseChecklistItems.position));
}

/** The campaigns of the release, as a subquery. */
const campaignsOf = (releaseId: string) => sql`select ${releaseCampaigns.campaignId} from ${releaseCampaigns} where ${releaseCampaigns.releaseId} = ${releaseId}`;

/**
 * The anomalies a release answers for: raised in one of its campaigns, or on a test case one of its campaigns runs,
 * and still open (neither fermée nor rejetée).
 */
function openAnomalyOfRelease(projectId: string, releaseId: string): SQL {
  return sql`${anomalies.projectId} = ${projectId}
    and ${inArray(anomalies.status, [...OPEN_ANOMALY_STATUSES])}
    and (${anomalies.campaignId} in (${campaignsOf(releaseId)})
      or ${anomalies.testCaseId} in (select ci.test_case_id from campaign_items ci
        where ci.campaign_id in (${campaignsOf(releaseId)})))`;
}

export async function releaseOpenAnomalies(db: Executor, projectId: string, releaseId: string) {
  return db
    .select({ id: anomalies.id, number: anomalies.number, title: anomalies.title, severity: anomalies.severity, status: anomalies.status })
    .from(anomalies)
    .where(openAnomalyOfRelease(projectId, releaseId))
    .orderBy(sql`case ${anomalies.severity} when 'blocking' then 0 when 'major' then 1 else 2 end`, asc(anomalies.number))
    .limit(EVIDENCE_LIMIT);
}

/**
 * Every input of the proposed decision, in one statement over the project's must-have requirements: coverage from
 * the one coverage CTEs (coverage.ts), verification from the latest item state of each of their test cases across
 * the release's campaigns, and the other criteria as uncorrelated subqueries. Also the first requirement gaps.
 */
export async function readinessInputs(db: Executor, projectId: string, releaseId: string, thresholds: Thresholds) {
  const coverage = requirementCoverageCte(db, projectId);
  const tests = requirementTestsCte(db, projectId);
  // The latest state of each test case across the release's campaigns (the most recently finished item wins).
  const latest = db
    .$with('release_latest', {
      testCaseId: sql<string>`test_case_id`.as('test_case_id'),
      state: sql<string>`state`.as('state'),
    })
    .as(sql`select distinct on (s.test_case_id) s.test_case_id, s.state
      from campaign_item_states s where s.campaign_id in (${campaignsOf(releaseId)})
      order by s.test_case_id, s.latest_finished_at desc nulls last`);
  // Suspicion has its own criterion, and results are read from the release's campaigns (below): coverage here is
  // "an approved specification and a test case".
  const covered = sql`${coverageCase({ suspect: sql`0`, approved: sql`${coverage.approvedCount}`, tests: sql`${tests.testCount}`, passed: sql`0`, failed: sql`0` })} = 'covered'`;
  // Whether every test case of each requirement last passed in the release, grouped once: a per-requirement EXISTS
  // over the unindexed CTE scanned it for every test case of every must-have (6.6 s on the large project).
  const verified = db
    .$with('release_verified', {
      requirementId: sql<string>`verified_requirement_id`.as('verified_requirement_id'),
      allPassed: sql<boolean>`all_passed`.as('all_passed'),
    })
    .as(sql`select t.requirement_id as verified_requirement_id, bool_and(l.state is not distinct from 'passed') as all_passed
      from ${tests} t cross join lateral json_array_elements(t.test_cases) e
      join test_cases tc on tc.project_id = ${projectId} and tc.number = (e->>0)::int
      left join ${latest} l on l.test_case_id = tc.id
      group by t.requirement_id`);
  // A requirement without test cases has no row: nothing of it failed to pass (it is uncovered instead).
  const notAllPassed = sql`coalesce(not ${verified.allPassed}, false)`;
  const gap = sql`case when not (${covered}) then 'uncovered' when ${notAllPassed} then 'unverified' end`;
  const open = openAnomalyOfRelease(projectId, releaseId);
  const latestBaseline = sql`(select max(${baselines.number}) from ${baselines} where ${baselines.projectId} = ${projectId})`;
  const today = parisToday(new Date());
  const severityCount = (severity: string) =>
    sql<number>`(select count(*)::int from ${anomalies} where ${open} and ${anomalies.severity} = ${severity})`;
  const [row] = await db
    .with(coverage, tests, latest, verified)
    .select({
      mustTotal: sql<number>`count(${requirements.id})::int`,
      uncovered: sql<number>`(count(*) filter (where not (${covered})))::int`,
      unverified: sql<number>`(count(*) filter (where ${covered} and ${notAllPassed}))::int`,
      gaps: sql<[number, string, SnapshotRequirement['gap']][] | null>`(array_agg(json_build_array(${requirements.number}, ${requirements.title}, ${gap})
        order by ${requirements.number}) filter (where ${gap} is not null))[1:${sql.raw(String(EVIDENCE_LIMIT))}]`,
      blocking: severityCount('blocking'),
      major: severityCount('major'),
      minor: severityCount('minor'),
      suspectLinks: sql<number>`(select count(*)::int from trace_link_states t where t.project_id = ${projectId} and t.suspect)`,
      campaigns: sql<number>`(select count(*)::int from ${releaseCampaigns} where ${releaseCampaigns.releaseId} = ${releaseId})`,
      openCampaigns: sql<number>`(select count(*)::int from ${campaigns} where ${campaigns.id} in (${campaignsOf(releaseId)})
        and ${campaigns.status} <> 'closed')`,
      checklist: sql<number>`(select count(*)::int from ${releaseChecklistItems} where ${releaseChecklistItems.releaseId} = ${releaseId})`,
      unsettled: sql<number>`(select count(*)::int from ${releaseChecklistItems} where ${releaseChecklistItems.releaseId} = ${releaseId}
        and ${releaseChecklistItems.status} not in ('done', 'not_applicable'))`,
      baselineNumber: sql<number | null>`${latestBaseline}`,
      // The latest request on the latest baseline decides: a rejection followed by a new, approved request is approved.
      baselineApproval: sql<ApprovalStatus | null>`(select ${approvalRequests.status}::text from ${approvalRequests}
        join ${baselines} on ${baselines.id} = ${approvalRequests.baselineId}
        where ${baselines.projectId} = ${projectId} and ${baselines.number} = ${latestBaseline}
        order by ${approvalRequests.number} desc limit 1)`,
      openReservations: sql<number>`(select count(*)::int from ${reservations} where ${reservations.projectId} = ${projectId}
        and ${reservations.status} = 'open')`,
      overdueReservations: sql<number>`(select count(*)::int from ${reservations} where ${reservations.projectId} = ${projectId}
        and ${reservations.status} = 'open' and ${reservations.dueDate} < ${today})`,
    })
    .from(requirements)
    .leftJoin(coverage, eq(coverage.requirementId, requirements.id))
    .leftJoin(tests, eq(tests.requirementId, requirements.id))
    .leftJoin(verified, eq(verified.requirementId, requirements.id))
    .where(and(eq(requirements.projectId, projectId), eq(requirements.priority, 'must'), sql`${requirements.status} <> 'obsolete'`));
  const r = row!;
  const inputs: ReadinessInputs = {
    thresholds: { maxBlocking: thresholds.maxBlocking, maxMajor: thresholds.maxMajor },
    openAnomalies: { blocking: r.blocking, major: r.major, minor: r.minor },
    mustHave: { total: r.mustTotal, uncovered: r.uncovered, unverified: r.unverified },
    suspectLinks: r.suspectLinks,
    campaigns: { total: r.campaigns, open: r.openCampaigns },
    checklist: { total: r.checklist, unsettled: r.unsettled },
    baseline: { number: r.baselineNumber, approval: r.baselineApproval ?? 'none' },
    reservations: { open: r.openReservations, overdue: r.overdueReservations },
  };
  const gaps: SnapshotRequirement[] = (r.gaps ?? []).map(([number, title, g]) => ({ number, title, gap: g }));
  return { inputs, gaps };
}

/** Everything the release page shows and the go / no-go record freezes, computed now. */
export async function releaseReadiness(db: Executor, projectId: string, release: ReleaseRow) {
  const [project] = await db.select({ key: projects.key, name: projects.name, client: projects.client }).from(projects).where(eq(projects.id, projectId));
  const thresholds = await findThresholds(db, projectId);
  const { inputs, gaps } = await readinessInputs(db, projectId, release.id, thresholds);
  const [campaignRows, anomalyRows, checklist] = [
    await releaseCampaignResults(db, release.id),
    await releaseOpenAnomalies(db, projectId, release.id),
    await releaseChecklist(db, release.id),
  ];
  const { decision, criteria } = proposeDecision(inputs);
  const snapshot: ReadinessSnapshot = {
    project: project!,
    release: { number: release.number, name: release.name, version: release.version, targetDate: release.targetDate, scope: release.scope },
    thresholds: inputs.thresholds,
    inputs,
    criteria,
    proposedDecision: decision,
    campaigns: campaignRows.map((c) => ({
      number: c.number,
      name: c.name,
      type: c.type,
      environment: c.environment,
      build: c.build,
      status: c.status,
      closedAt: c.closedAt?.toISOString() ?? null,
      results: {
        total: c.total,
        passed: c.passed,
        failed: c.failed,
        blocked: c.blocked,
        notRun: c.notRun,
        pending: c.total - c.passed - c.failed - c.blocked - c.notRun,
      },
    })),
    openAnomalies: anomalyRows.map((a) => ({ number: a.number, title: a.title, severity: a.severity, status: a.status })),
    requirementGaps: gaps,
    checklist: checklist.map((i) => ({ label: i.label, status: i.status, owner: i.ownerName, evidenceUrl: i.evidenceUrl })),
  };
  return { snapshot, thresholds, campaigns: campaignRows, anomalies: anomalyRows, checklist };
}

export async function listGoNoGoRecords(db: Executor, releaseId: string) {
  return db
    .select({
      id: goNoGoRecords.id,
      proposedDecision: goNoGoRecords.proposedDecision,
      decision: goNoGoRecords.decision,
      reason: goNoGoRecords.reason,
      participants: goNoGoRecords.participants,
      snapshotHash: goNoGoRecords.snapshotHash,
      recordedAt: goNoGoRecords.recordedAt,
      recordedByName: users.name,
    })
    .from(goNoGoRecords)
    .leftJoin(users, eq(users.id, goNoGoRecords.recordedBy))
    .where(eq(goNoGoRecords.releaseId, releaseId))
    .orderBy(desc(goNoGoRecords.recordedAt))
    .limit(20);
}

/** One record of the project with its frozen content, for the PV. */
export async function findGoNoGoRecord(db: Executor, projectId: string, recordId: string) {
  const [row] = await db
    .select({
      id: goNoGoRecords.id,
      releaseId: goNoGoRecords.releaseId,
      decision: goNoGoRecords.decision,
      reason: goNoGoRecords.reason,
      participants: goNoGoRecords.participants,
      snapshot: goNoGoRecords.snapshot,
      snapshotHash: goNoGoRecords.snapshotHash,
      recordedAt: goNoGoRecords.recordedAt,
      recordedBy: goNoGoRecords.recordedBy,
      // A record imported from another instance was hashed with its recorder's id there: the import's people say it.
      sourceRecordedBy: sql<string | null>`(
        select p->>'sourceId' from ${projectImports} pi, jsonb_array_elements(pi.people) p
        where pi.id = ${goNoGoRecords.importId} and p->>'mappedUserId' = ${goNoGoRecords.recordedBy}::text limit 1)`,
    })
    .from(goNoGoRecords)
    .where(and(eq(goNoGoRecords.id, recordId), eq(goNoGoRecords.projectId, projectId)));
  return row ?? null;
}

export type GoNoGoRecordRow = NonNullable<Awaited<ReturnType<typeof findGoNoGoRecord>>>;

/** The content a record's hash was computed over, rebuilt from what is stored (the PV and the integrity check). */
export function recordContent(record: GoNoGoRecordRow): GoNoGoContent {
  return {
    snapshot: record.snapshot,
    decision: record.decision,
    reason: record.reason,
    participants: record.participants,
    recordedBy: record.sourceRecordedBy ?? record.recordedBy ?? '',
    recordedAt: record.recordedAt.toISOString(),
  };
}
