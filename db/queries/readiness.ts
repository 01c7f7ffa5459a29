import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  anomalies,
  approvalRequests,
  baselines,
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
import { coverageCase, requirementCoverageCte, requirementTestCases } from './coverage';
import { listPageSize } from './page-size';

/**
 * Reads behind the release pages (DESIGN.md §3 go / no-go): every criterion computed live, each with the items
 * behind it. The inputs of the decision and the campaigns' results come from one statement; the other evidence lists
 * from one statement each, so a release page runs the same number of statements whatever the size of the project.
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

type Campaign = typeof campaigns.$inferSelect;

/** A campaign of the release with its results, as JSON out of readinessInputs's statement (its date as text). */
interface CampaignResultJson {
  id: string;
  number: number;
  name: string;
  type: Campaign['type'];
  environment: string;
  build: string;
  status: Campaign['status'];
  closedAt: string | null;
  total: number;
  passed: number;
  failed: number;
  blocked: number;
  notRun: number;
}

/**
 * Every input of the proposed decision, in one statement over the project's must-have requirements: coverage from
 * the one coverage definitions (coverage.ts), verification from the latest item state of each of their test cases
 * across the release's campaigns, and the other criteria as uncorrelated subqueries. Also the first requirement gaps
 * and the release's campaigns with their results, which read the same item states.
 */
export async function readinessInputs(db: Executor, projectId: string, releaseId: string, thresholds: Thresholds) {
  const mustHave = and(eq(requirements.projectId, projectId), eq(requirements.priority, 'must'), sql`${requirements.status} <> 'obsolete'`);
  // Only the must-have requirements count: their links and test cases alone are read (a quarter of the large project).
  const mustHaveIds = sql`select ${requirements.id} from ${requirements} where ${mustHave}`;
  const coverage = requirementCoverageCte(db, projectId, mustHaveIds);
  const mustTests = db
    .$with('must_tests', { requirementId: sql<string>`requirement_id`.as('requirement_id'), testCaseId: sql<string>`test_case_id`.as('test_case_id') })
    .as(sql`select requirement_id, test_case_id from (${requirementTestCases(projectId, mustHaveIds)}) t`);
  // The states of the release's items, read once (the view's latest execution per item is the costly part) for
  // both the campaigns' results and the verification below.
  const items = db
    .$with('release_items', {
      id: sql<string>`id`.as('id'),
      campaignId: sql<string>`campaign_id`.as('campaign_id'),
      testCaseId: sql<string>`test_case_id`.as('test_case_id'),
      state: sql<string>`state`.as('state'),
      latestFinishedAt: sql<Date | null>`latest_finished_at`.as('latest_finished_at'),
    })
    .as(sql`select s.id, s.campaign_id, s.test_case_id, s.state, s.latest_finished_at
      from campaign_item_states s where s.campaign_id in (${campaignsOf(releaseId)})`);
  // The latest state of each of the must-have test cases across the release's campaigns (the most recently finished
  // item wins).
  const latest = db
    .$with('release_latest', {
      testCaseId: sql<string>`test_case_id`.as('test_case_id'),
      state: sql<string>`state`.as('state'),
    })
    .as(sql`select distinct on (i.test_case_id) i.test_case_id, i.state
      from ${items} i where i.test_case_id in (select test_case_id from ${mustTests})
      order by i.test_case_id, i.latest_finished_at desc nulls last`);
  // Per requirement, how many test cases and whether every one of them last passed in the release, grouped once.
  const verified = db
    .$with('release_verified', {
      requirementId: sql<string>`verified_requirement_id`.as('verified_requirement_id'),
      testCount: sql<number>`test_count`.as('test_count'),
      allPassed: sql<boolean>`all_passed`.as('all_passed'),
    })
    .as(sql`select t.requirement_id as verified_requirement_id, count(*)::int as test_count,
        bool_and(l.state is not distinct from 'passed') as all_passed
      from ${mustTests} t left join ${latest} l on l.test_case_id = t.test_case_id
      group by t.requirement_id`);
  // Suspicion has its own criterion, and results are read from the release's campaigns (below): coverage here is
  // "an approved specification and a test case".
  const covered = sql`${coverageCase({ suspect: sql`0`, approved: sql`${coverage.approvedCount}`, tests: sql`${verified.testCount}`, passed: sql`0`, failed: sql`0` })} = 'covered'`;
  // A requirement without test cases has no row: nothing of it failed to pass (it is uncovered instead).
  const notAllPassed = sql`coalesce(not ${verified.allPassed}, false)`;
  const gap = sql`case when not (${covered}) then 'uncovered' when ${notAllPassed} then 'unverified' end`;
  const open = openAnomalyOfRelease(projectId, releaseId);
  const latestBaseline = sql`(select max(${baselines.number}) from ${baselines} where ${baselines.projectId} = ${projectId})`;
  const today = parisToday(new Date());
  const severityCount = (severity: string) =>
    sql<number>`(select count(*)::int from ${anomalies} where ${open} and ${anomalies.severity} = ${severity})`;
  const [row] = await db
    .with(coverage, mustTests, items, latest, verified)
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
      campaignResults: sql<CampaignResultJson[]>`(select coalesce(json_agg(json_build_object('id', c.id, 'number', c.number, 'name', c.name,
          'type', c.type, 'environment', c.environment, 'build', c.build, 'status', c.status, 'closedAt', c.closed_at,
          'total', c.total, 'passed', c.passed, 'failed', c.failed, 'blocked', c.blocked, 'notRun', c.not_run) order by c.number), '[]')
        from (select c.id, c.number, c.name, c.type, c.environment, c.build, c.status, c.closed_at, count(i.id)::int as total,
            (count(i.id) filter (where i.state = 'passed'))::int as passed, (count(i.id) filter (where i.state = 'failed'))::int as failed,
            (count(i.id) filter (where i.state = 'blocked'))::int as blocked, (count(i.id) filter (where i.state = 'not_run'))::int as not_run
          from ${releaseCampaigns} rc join ${campaigns} c on c.id = rc.campaign_id left join ${items} i on i.campaign_id = c.id
          where rc.release_id = ${releaseId} group by c.id) c)`,
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
    .leftJoin(verified, eq(verified.requirementId, requirements.id))
    .where(mustHave);
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
  const campaignResults = r.campaignResults.map((c) => ({ ...c, closedAt: c.closedAt === null ? null : new Date(c.closedAt) }));
  return { inputs, gaps, campaigns: campaignResults };
}

/** Everything the release page shows and the go / no-go record freezes, computed now. */
export async function releaseReadiness(db: Executor, projectId: string, release: ReleaseRow) {
  const [project] = await db.select({ key: projects.key, name: projects.name, client: projects.client }).from(projects).where(eq(projects.id, projectId));
  const thresholds = await findThresholds(db, projectId);
  const { inputs, gaps, campaigns: campaignRows } = await readinessInputs(db, projectId, release.id, thresholds);
  const [anomalyRows, checklist] = [await releaseOpenAnomalies(db, projectId, release.id), await releaseChecklist(db, release.id)];
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
