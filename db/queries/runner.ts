import 'server-only';
import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { getDb, type Executor } from '@/db/client';
import { anomalies, anomalyExecutions, campaignItems, campaignItemStates as itemStates, executions, testCases, testCaseVersions, users } from '@/db/schema';
import { retestProposal } from '@/lib/recette/anomaly-workflow';
import type { ExecutionState, ExecutionView, RetestView, RunnerItem } from '@/lib/recette/execution-view';
import { formatRef } from '@/lib/traceability/refs';
import { listAttachments } from './attachments';
import { CAMPAIGN_ITEM_ORDER, campaignItemStates, findCampaign } from './campaigns';
import { rowsOf } from './raw-rows';
import { requireProjectMembership } from './project-access';
import type { SessionUser } from './users';

/** Reads of the test runner. Item states come from the one view the campaign pages read too (campaign_item_states). */

/**
 * Which item the runner opens and where "test suivant" leads, chosen by the database over the campaign's items in
 * their order (CAMPAIGN_ITEM_ORDER) without sending them: reading all 2,000 items of a large campaign, with their
 * titles and retests, to pick two of them and show 50 was most of the runner's time.
 *
 * An item waits for a run when it has none, or only one left open, and is not closed as "non exécuté". The current
 * item is the one asked for (`askedId`, when it is of this campaign), else the first waiting item assigned to me,
 * else the first waiting item, else the first item (to read its history). The next one is the first waiting item
 * after it, wrapping around to the start, never itself. `rank` is the current item's place in the order (from 1).
 */
export async function runnerPosition(db: Executor, projectId: string, campaignId: string, { askedId, me }: { askedId?: string; me: string }) {
  const s = itemStates;
  const [row] = await rowsOf<{ id: string; rank: number; total: number; latest_execution_id: string | null; next_id: string | null }>(
    db,
    sql`with ordered as (
        select ${s.id} as id, ${s.assigneeId} as assignee_id, ${s.latestExecutionId} as latest_execution_id,
          (${s.notRunReason} is null and (${s.latestStatus} is null or ${s.latestStatus} = 'in_progress')) as awaits,
          (row_number() over (order by ${sql.join([...CAMPAIGN_ITEM_ORDER], sql`, `)}))::int as rank,
          (count(*) over ())::int as total
        from ${s}
        where ${s.projectId} = ${projectId} and ${s.campaignId} = ${campaignId}
      ),
      current_item as (
        select * from ordered
        order by case ${askedId ? sql`when id = ${askedId} then 0` : sql``} when awaits and assignee_id = ${me} then 1 when awaits then 2 else 3 end, rank
        limit 1
      )
      select c.id, c.rank, c.total, c.latest_execution_id,
        (select o.id from ordered o where o.awaits and o.id <> c.id order by o.rank <= c.rank, o.rank limit 1) as next_id
      from current_item c`,
  );
  if (!row) return { current: null, nextId: null, total: 0 };
  return { current: { id: row.id, rank: row.rank, lastExecutionId: row.latest_execution_id }, nextId: row.next_id, total: row.total };
}

/** One page of the campaign's items in their order, as the list beside the runner shows them. */
export async function listRunnerItems(db: Executor, projectId: string, campaignId: string, page: { page: number; pageSize: number }): Promise<RunnerItem[]> {
  const { rows } = await campaignItemStates(db, projectId, campaignId, page);
  return rows.map((row) => ({
    id: row.id,
    testCaseNumber: row.testCaseNumber,
    title: row.title,
    assigneeId: row.assigneeId,
    notRun: row.notRunReason !== null,
    lastStatus: row.latestStatus,
    toRetest: row.toRetest,
  }));
}

const executionColumns = {
  id: executions.id,
  campaignId: executions.campaignId,
  campaignItemId: executions.campaignItemId,
  testCaseId: executions.testCaseId,
  testCaseNumber: testCases.number,
  testCaseVersion: executions.testCaseVersion,
  steps: executions.steps,
  criteria: executions.criteria,
  stepResults: executions.stepResults,
  measurements: executions.measurements,
  derivedStatus: executions.derivedStatus,
  status: executions.status,
  overrideReason: executions.overrideReason,
  comment: executions.comment,
  campaignName: executions.campaignName,
  environment: executions.environment,
  build: executions.build,
  executedBy: executions.executedBy,
  executedByName: users.name,
  startedAt: executions.startedAt,
  finishedAt: executions.finishedAt,
  durationMs: executions.durationMs,
  revision: executions.revision,
  /** The test case as it was at the version run: title, objective, preconditions and data shown beside the steps. */
  title: sql<string>`coalesce(${testCaseVersions.snapshot}->>'title', ${testCases.title})`,
  objective: sql<string>`coalesce(${testCaseVersions.snapshot}->>'objective', '')`,
  preconditions: sql<string>`coalesce(${testCaseVersions.snapshot}->>'preconditions', '')`,
  testData: sql<string>`coalesce(${testCaseVersions.snapshot}->>'testData', '')`,
};

function executionQuery(db: Executor) {
  return db
    .select(executionColumns)
    .from(executions)
    .innerJoin(testCases, eq(testCases.id, executions.testCaseId))
    .leftJoin(
      testCaseVersions,
      and(eq(testCaseVersions.testCaseId, executions.testCaseId), eq(testCaseVersions.version, executions.testCaseVersion)),
    )
    .leftJoin(users, eq(users.id, executions.executedBy));
}

export async function findExecution(db: Executor, projectId: string, executionId: string) {
  const [row] = await executionQuery(db).where(and(eq(executions.id, executionId), eq(executions.projectId, projectId)));
  return row ?? null;
}

/** Every run of one campaign item, latest first, as it was recorded. */
export async function listItemExecutions(db: Executor, projectId: string, campaignItemId: string) {
  return executionQuery(db)
    .where(and(eq(executions.projectId, projectId), eq(executions.campaignItemId, campaignItemId)))
    .orderBy(desc(executions.startedAt), desc(executions.id));
}

export async function findRunnerItem(db: Executor, projectId: string, campaignId: string, campaignItemId: string) {
  const [row] = await db
    .select({
      id: campaignItems.id,
      testCaseId: campaignItems.testCaseId,
      testCaseNumber: testCases.number,
      title: testCases.title,
      notRunReason: campaignItems.notRunReason,
    })
    .from(campaignItems)
    .innerJoin(testCases, eq(testCases.id, campaignItems.testCaseId))
    .where(and(eq(campaignItems.id, campaignItemId), eq(campaignItems.projectId, projectId), eq(campaignItems.campaignId, campaignId)));
  return row ?? null;
}

/**
 * The anomalies a finished run may retest: awaiting retest and linked to an earlier failed run of the same item.
 * `anomalyIds` narrows the lookup to one anomaly (the confirmation).
 */
export async function retestCandidates(
  db: Executor,
  projectId: string,
  execution: { id: string; campaignItemId: string; startedAt: Date },
  anomalyIds?: string[],
) {
  return db
    .selectDistinct({ id: anomalies.id, number: anomalies.number, title: anomalies.title, status: anomalies.status })
    .from(anomalies)
    .innerJoin(anomalyExecutions, eq(anomalyExecutions.anomalyId, anomalies.id))
    .innerJoin(executions, eq(executions.id, anomalyExecutions.executionId))
    .where(
      and(
        eq(anomalies.projectId, projectId),
        eq(anomalies.status, 'to_retest'),
        eq(executions.campaignItemId, execution.campaignItemId),
        eq(executions.status, 'failed'),
        ne(executions.id, execution.id),
        lt(executions.startedAt, execution.startedAt),
        ...(anomalyIds ? [inArray(anomalies.id, anomalyIds)] : []),
      ),
    )
    .orderBy(asc(anomalies.number));
}

type ExecutionRow = NonNullable<Awaited<ReturnType<typeof findExecution>>>;

/** Only what the browser shows: no project, campaign or account ids. */
export function toExecutionView(row: ExecutionRow): ExecutionView {
  return {
    id: row.id,
    campaignItemId: row.campaignItemId,
    testCaseRef: formatRef('testCase', row.testCaseNumber),
    testCaseVersion: row.testCaseVersion,
    title: row.title,
    objective: row.objective,
    preconditions: row.preconditions,
    testData: row.testData,
    steps: row.steps,
    criteria: row.criteria,
    stepResults: row.stepResults,
    measurements: row.measurements,
    derivedStatus: row.derivedStatus,
    status: row.status,
    overrideReason: row.overrideReason,
    comment: row.comment,
    campaignName: row.campaignName,
    environment: row.environment,
    build: row.build,
    executedByName: row.executedByName,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    revision: row.revision,
  };
}

/** The proposals of a finished run: each anomaly it retests, with the move its result leads to. */
export async function retestsOf(db: Executor, projectId: string, row: Pick<ExecutionRow, 'id' | 'campaignItemId' | 'startedAt' | 'status' | 'finishedAt'>) {
  if (!row.finishedAt || row.status === 'in_progress') return [];
  const status = row.status;
  const candidates = await retestCandidates(db, projectId, row);
  return candidates.flatMap((anomaly): RetestView[] => {
    const proposal = retestProposal(status, anomaly.status);
    return proposal ? [{ anomalyId: anomaly.id, ref: formatRef('anomaly', anomaly.number), title: anomaly.title, proposal }] : [];
  });
}

/** What the runner's GET route answers for one execution. */
export async function executionState(db: Executor, projectId: string, executionId: string): Promise<ExecutionState | null> {
  const row = await findExecution(db, projectId, executionId);
  if (!row) return null;
  const [retests, attachments] = await Promise.all([retestsOf(db, projectId, row), listAttachments(db, projectId, { executionIds: [row.id] })]);
  return { execution: toExecutionView(row), retests, attachments };
}

/** The campaign a runner page's URL names (its number), in a project the person belongs to; 404 otherwise. */
export async function loadRunnerCampaign(user: SessionUser, projectKey: string, segment: string) {
  const membership = await requireProjectMembership(user, projectKey);
  const number = /^\d{1,9}$/.test(segment) ? Number(segment) : null;
  const campaign = number === null ? null : await findCampaign(getDb(), membership.projectId, number);
  if (!campaign) notFound();
  return { membership, campaign };
}
