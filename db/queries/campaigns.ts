import 'server-only';
import { rowsOf } from './raw-rows';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { anomalies, campaignItemStates as itemStates, campaigns, projectMembers, testCases, users } from '@/db/schema';
import { rolesAllowed } from '@/lib/auth/roles';
import { ActionError } from '@/lib/actions/result';
import type { ItemState } from '@/lib/recette/campaign-item-state';
import { CAMPAIGN_NUMBER_SERIES } from '@/lib/recette/campaign-model';
import { campaignFieldErrors, type CampaignFields } from '@/lib/recette/campaign-schema';
import { listPageSize } from './page-size';
import { nextRefNumber } from './refs';

export const CAMPAIGN_PAGE_SIZE = 50;

/** The campaign's own fields after the rules across fields (an end before the start is refused on the end). */
export function checkedCampaignFields(input: CampaignFields): CampaignFields {
  const fieldErrors = campaignFieldErrors(input);
  if (fieldErrors) throw new ActionError('invalid', 'invalid', fieldErrors);
  const { name, type, environment, build, description, plannedStart, plannedEnd } = input;
  return { name, type, environment, build, description, plannedStart, plannedEnd };
}

/**
 * Creates a planned campaign with the project's next number: the one creation path, shared by the campaign form's
 * action and the REST API. The caller writes the audit row (it knows who acted: a person or an API token).
 */
export async function insertCampaign(tx: Transaction, projectId: string, createdBy: string | null, input: CampaignFields) {
  const fields = checkedCampaignFields(input);
  const number = await nextRefNumber(tx, projectId, CAMPAIGN_NUMBER_SERIES);
  const [created] = await tx
    .insert(campaigns)
    .values({ ...fields, projectId, number, createdBy })
    .returning();
  return { campaign: created!, fields };
}

/**
 * The campaign a CI job's results of one build go to, by name and build: the latest such campaign of the project,
 * or a new planned one (insertCampaign) when there is none, so pushing the same build again, or from parallel jobs,
 * lands in one campaign. The lock serialises concurrent pushes of the same name and build until the transaction ends.
 */
export async function findOrCreateBuildCampaign(
  tx: Transaction,
  projectId: string,
  createdBy: string | null,
  input: Pick<CampaignFields, 'name' | 'type' | 'build' | 'environment'>,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`build-campaign:${JSON.stringify([projectId, input.name, input.build])}`}, 0))`);
  const [found] = await tx
    .select({ id: campaigns.id, number: campaigns.number, build: campaigns.build, environment: campaigns.environment })
    .from(campaigns)
    .where(and(eq(campaigns.projectId, projectId), eq(campaigns.name, input.name), eq(campaigns.build, input.build)))
    .orderBy(desc(campaigns.number))
    .limit(1);
  if (found) return { campaign: found, created: null };
  const created = await insertCampaign(tx, projectId, createdBy, { ...input, description: '', plannedStart: null, plannedEnd: null });
  return { campaign: created.campaign, created };
}

// 50 a page: at 100, the items and the requirement table took the campaign page to 395 kB of HTML (issue 6: 300).
export const CAMPAIGN_ITEM_PAGE_SIZE = 50;

/** Items per state, for one campaign or (grouped by campaign) for the list: read from the one state view. */
const stateCount = (state: ItemState) => sql<number>`(count(${itemStates.id}) filter (where ${itemStates.state} = ${state}))::int`;

/** A page of a project's campaigns, newest first, each with its progress: one statement. */
export async function listCampaigns(db: Executor, projectId: string, options: { page?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? listPageSize(CAMPAIGN_PAGE_SIZE);
  const page = Math.max(options.page ?? 1, 1);
  const rows = await db
    .select({
      id: campaigns.id,
      number: campaigns.number,
      name: campaigns.name,
      type: campaigns.type,
      status: campaigns.status,
      environment: campaigns.environment,
      build: campaigns.build,
      plannedStart: campaigns.plannedStart,
      plannedEnd: campaigns.plannedEnd,
      items: sql<number>`count(${itemStates.id})::int`,
      passed: stateCount('passed'),
      failed: stateCount('failed'),
      blocked: stateCount('blocked'),
      notRun: stateCount('not_run'),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(campaigns)
    .leftJoin(itemStates, eq(itemStates.campaignId, campaigns.id))
    .where(eq(campaigns.projectId, projectId))
    .groupBy(campaigns.id)
    .orderBy(desc(campaigns.number))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: rows[0]?.total ?? 0, page, pageSize };
}

export async function findCampaign(db: Executor, projectId: string, number: number) {
  const [row] = await db
    .select({
      id: campaigns.id,
      number: campaigns.number,
      name: campaigns.name,
      type: campaigns.type,
      status: campaigns.status,
      environment: campaigns.environment,
      build: campaigns.build,
      description: campaigns.description,
      plannedStart: campaigns.plannedStart,
      plannedEnd: campaigns.plannedEnd,
      startedAt: campaigns.startedAt,
      closedAt: campaigns.closedAt,
      closedByName: users.name,
      revision: campaigns.revision,
      createdAt: campaigns.createdAt,
    })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.closedBy))
    .where(and(eq(campaigns.projectId, projectId), eq(campaigns.number, number)))
    .limit(1);
  return row ?? null;
}

/**
 * Locks a campaign of the project for a write and refuses it once closed: every write on a campaign or its items
 * goes through here, so "a closed campaign is read-only" holds in one place. Item writes take a shared lock (they
 * may run side by side), campaign writes and closing an exclusive one, so a close waits for item writes in flight
 * and then sees them.
 */
export async function lockOpenCampaign(tx: Transaction, projectId: string, campaignId: string, mode: 'update' | 'share' = 'update') {
  const [row] = await tx
    .select({ id: campaigns.id, number: campaigns.number, status: campaigns.status, revision: campaigns.revision, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.projectId, projectId)))
    .for(mode);
  if (!row) throw new ActionError('not_found');
  if (row.status === 'closed') throw new ActionError('conflict', 'campaignClosed');
  return row;
}

export interface CampaignItemFilters {
  state?: ItemState;
  /** A member's id, or "none" for items nobody is assigned to. */
  assignee?: string;
  page?: number;
  pageSize?: number;
}

/**
 * The order of a campaign's items, everywhere they are listed or walked through (the campaign page, the runner's
 * list, its choice of the current and the next item): their position, then their id for items at the same place.
 */
export const CAMPAIGN_ITEM_ORDER = [asc(itemStates.position), asc(itemStates.id)] as const;

/**
 * A campaign's items with their state (the campaign_item_states view): latest execution and its status, whether the
 * test case changed since it was planned (with both versions, for the history's redline), and whether it waits for
 * a retest. The campaign page, its runner and its dashboard all read items through this. The page is chosen first
 * from the items' own columns (the filters and the order need nothing else), then only its rows are joined to their
 * test case, tester and retests: joining all 2,000 items of a large campaign to show 50 was most of this read.
 */
export async function campaignItemStates(db: Executor, projectId: string, campaignId: string, filters: CampaignItemFilters = {}) {
  const pageSize = filters.pageSize ?? listPageSize(CAMPAIGN_ITEM_PAGE_SIZE);
  const page = Math.max(filters.page ?? 1, 1);
  const s = itemStates;
  const conditions: (SQL | undefined)[] = [
    eq(s.projectId, projectId),
    eq(s.campaignId, campaignId),
    filters.state && eq(s.state, filters.state),
    filters.assignee === 'none' ? sql`${s.assigneeId} is null` : filters.assignee ? eq(s.assigneeId, filters.assignee) : undefined,
  ];
  const chosen = db.$with('chosen').as(
    db
      .select({ id: s.id, total: sql<number>`(count(*) over ())::int`.as('total') })
      .from(s)
      .where(and(...conditions))
      .orderBy(...CAMPAIGN_ITEM_ORDER)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  );
  const rows = await db
    .with(chosen)
    .select({
      id: s.id,
      testCaseId: s.testCaseId,
      testCaseNumber: testCases.number,
      title: testCases.title,
      folder: testCases.folder,
      position: s.position,
      plannedVersion: s.plannedVersion,
      currentVersion: s.currentVersion,
      changed: s.changed,
      assigneeId: s.assigneeId,
      assigneeName: users.name,
      notRunReason: s.notRunReason,
      revision: s.revision,
      latestExecutionId: s.latestExecutionId,
      latestStatus: s.latestStatus,
      latestFinishedAt: s.latestFinishedAt,
      state: s.state,
      toRetest: s.toRetest,
      total: chosen.total,
    })
    .from(chosen)
    .innerJoin(s, eq(s.id, chosen.id))
    .innerJoin(testCases, eq(testCases.id, s.testCaseId))
    .leftJoin(users, eq(users.id, s.assigneeId))
    .orderBy(...CAMPAIGN_ITEM_ORDER);
  return { rows, total: rows[0]?.total ?? 0, page, pageSize };
}

/** What closing needs of every item: its latest status and "non exécuté" reason (two columns, all items). */
export async function closingStates(db: Executor, campaignId: string) {
  return db
    .select({ id: itemStates.id, latestStatus: itemStates.latestStatus, notRunReason: itemStates.notRunReason })
    .from(itemStates)
    .where(eq(itemStates.campaignId, campaignId));
}

/** The project's members who may be assigned items: those allowed to run executions. */
export async function listTesters(db: Executor, projectId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.role, [...rolesAllowed('tests.execute')]), eq(users.isActive, true)))
    .orderBy(asc(users.name));
}

/** Items per state of one campaign, as the view computes them. */
export async function campaignStateCounts(db: Executor, campaignId: string) {
  return db
    .select({ state: itemStates.state, count: sql<number>`count(*)::int` })
    .from(itemStates)
    .where(eq(itemStates.campaignId, campaignId))
    .groupBy(itemStates.state);
}

/**
 * Burn-up over the days of the campaign (Europe/Paris): per day, how many items had a result by the end of that day,
 * and how many had passed by then, against the scope. An item counts from the day of its first recorded result.
 * Days run from the planned start (or the first result, if earlier) to the close (or today, or the planned end if
 * later), a year at most. The items are counted once per day they first reach a result, then summed up day by day
 * (counting every item again for every day made a long campaign's burn-up days × items: 180 ms on the large one).
 */
export async function campaignBurnUp(db: Executor, campaignId: string) {
  return rowsOf<{ day: string; executed: number; passed: number }>(
    db,
    sql`
    with firsts as (
      select min((e.finished_at at time zone 'Europe/Paris')::date) as first_result,
             min((e.finished_at at time zone 'Europe/Paris')::date) filter (where e.status = 'passed') as first_pass
      from executions e
      where e.campaign_id = ${campaignId} and e.status <> 'in_progress' and e.finished_at is not null
      group by e.campaign_item_id
    ),
    bounds as (
      select least(coalesce(c.planned_start, (c.created_at at time zone 'Europe/Paris')::date),
                   coalesce((c.started_at at time zone 'Europe/Paris')::date, c.planned_start, (c.created_at at time zone 'Europe/Paris')::date),
                   coalesce((select min(first_result) from firsts), c.planned_start, (c.created_at at time zone 'Europe/Paris')::date)) as first_day,
             case when c.closed_at is not null then (c.closed_at at time zone 'Europe/Paris')::date
                  else greatest((now() at time zone 'Europe/Paris')::date, coalesce(c.planned_end, (now() at time zone 'Europe/Paris')::date)) end as last_day
      from campaigns c where c.id = ${campaignId}
    ),
    days as (
      select d::date as day
      from bounds, generate_series(bounds.first_day, least(bounds.last_day, bounds.first_day + 365), interval '1 day') d
    ),
    -- No first result falls before the first day (it starts at the earliest of them), so the running sums from
    -- there are the counts up to each day.
    results as (select first_result as day, count(*) as n from firsts group by first_result),
    passes as (select first_pass as day, count(*) as n from firsts where first_pass is not null group by first_pass)
    select to_char(days.day, 'YYYY-MM-DD') as day,
           (sum(coalesce(r.n, 0)) over by_day)::int as executed,
           (sum(coalesce(p.n, 0)) over by_day)::int as passed
    from days
    left join results r on r.day = days.day
    left join passes p on p.day = days.day
    window by_day as (order by days.day)
    order by days.day
  `,
  );
}

/** The campaign's anomalies counted by severity and status (anomalies.campaign_id). */
export async function campaignAnomalyCounts(db: Executor, campaignId: string) {
  return db
    .select({ severity: anomalies.severity, status: anomalies.status, count: sql<number>`count(*)::int` })
    .from(anomalies)
    .where(eq(anomalies.campaignId, campaignId))
    .groupBy(anomalies.severity, anomalies.status);
}

// A dashboard table, not the coverage report: past this many rows the page weighed most of a megabyte on a large
// campaign, and at 100 it was still a fifth of the page's 395 kB.
export const CAMPAIGN_REQUIREMENT_LIMIT = 50;

/**
 * The requirements the campaign verifies, through its items' test cases (linked directly, or through a
 * specification), with the items' states counted per requirement; lib/recette/campaign-item-state.ts
 * requirementCampaignState names the verdict.
 */
export async function campaignRequirements(db: Executor, projectId: string, campaignId: string) {
  return rowsOf<{
    id: string;
    number: number;
    title: string;
    not_started: number;
    in_progress: number;
    passed: number;
    failed: number;
    blocked: number;
    not_run: number;
    total: number;
  }>(
    db,
    sql`
    with verified as (
      select l.upstream_id as requirement_id, s.id as item_id, s.state
      from campaign_item_states s
      join trace_links l on l.downstream_id = s.test_case_id and l.kind = 'requirement_test_case' and l.project_id = ${projectId}
      where s.campaign_id = ${campaignId}
      union
      select rs.upstream_id, s.id, s.state
      from campaign_item_states s
      join trace_links st on st.downstream_id = s.test_case_id and st.kind = 'specification_test_case' and st.project_id = ${projectId}
      join trace_links rs on rs.downstream_id = st.upstream_id and rs.kind = 'requirement_specification'
      where s.campaign_id = ${campaignId}
    )
    select r.id, r.number, r.title,
           (count(*) filter (where v.state = 'not_started'))::int as not_started,
           (count(*) filter (where v.state = 'in_progress'))::int as in_progress,
           (count(*) filter (where v.state = 'passed'))::int as passed,
           (count(*) filter (where v.state = 'failed'))::int as failed,
           (count(*) filter (where v.state = 'blocked'))::int as blocked,
           (count(*) filter (where v.state = 'not_run'))::int as not_run,
           (count(*) over ())::int as total
    from verified v
    join requirements r on r.id = v.requirement_id and r.project_id = ${projectId}
    group by r.id, r.number, r.title
    order by r.number
    limit ${CAMPAIGN_REQUIREMENT_LIMIT}
  `,
  );
}

/** Options for the scope tools: the project's test-case folders and tags. */
export { listTestCaseFacets as listScopeFacets } from './test-cases';
