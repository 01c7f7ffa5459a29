import 'server-only';
import { and, asc, desc, eq, gt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { campaignStateCounts } from './campaigns';
import { findRelease, findThresholds, readinessInputs } from './readiness';
import { campaignItemStates, campaigns, goNoGoRecords, requirements, specifications, testCases, traceLinkStates } from '@/db/schema';
import { pageOf } from '@/lib/api/cursor';
import { ITEM_STATES, type ItemState } from '@/lib/recette/campaign-item-state';
import { proposeDecision } from '@/lib/signoff/decision';

/**
 * The REST API's reads: one statement per page, keyset-paged on a unique, stable order (ref number, link id, item
 * position), reading `limit + 1` rows to know whether a next page exists. Everything is scoped by the token's project.
 */
export interface PageRequest {
  /** The decoded cursor: the sort key of the last row of the previous page, or null for the first page. */
  after: (string | number)[] | null;
  limit: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function apiRequirementsPage(db: Executor, projectId: string, page: PageRequest) {
  const parent = alias(requirements, 'parent');
  const rows = await db
    .select({
      number: requirements.number,
      title: requirements.title,
      statement: requirements.statement,
      rationale: requirements.rationale,
      acceptanceCriteria: requirements.acceptanceCriteria,
      priority: requirements.priority,
      status: requirements.status,
      source: requirements.source,
      tags: requirements.tags,
      parentNumber: parent.number,
      version: requirements.version,
      updatedAt: requirements.updatedAt,
    })
    .from(requirements)
    .leftJoin(parent, eq(parent.id, requirements.parentId))
    .where(and(eq(requirements.projectId, projectId), page.after ? gt(requirements.number, page.after[0] as number) : undefined))
    .orderBy(asc(requirements.number))
    .limit(page.limit + 1);
  const { data, nextCursor } = pageOf(rows, page.limit, (r) => [r.number]);
  return {
    data: data.map(({ number, parentNumber, updatedAt, ...rest }) => ({
      ref: `EXF-${number}`,
      ...rest,
      parentRef: parentNumber === null ? null : `EXF-${parentNumber}`,
      updatedAt: updatedAt.toISOString(),
    })),
    nextCursor,
  };
}

export async function apiSpecificationsPage(db: Executor, projectId: string, page: PageRequest) {
  const rows = await db
    .select({
      number: specifications.number,
      title: specifications.title,
      body: specifications.body,
      category: specifications.category,
      status: specifications.status,
      version: specifications.version,
      updatedAt: specifications.updatedAt,
    })
    .from(specifications)
    .where(and(eq(specifications.projectId, projectId), page.after ? gt(specifications.number, page.after[0] as number) : undefined))
    .orderBy(asc(specifications.number))
    .limit(page.limit + 1);
  const { data, nextCursor } = pageOf(rows, page.limit, (r) => [r.number]);
  return {
    data: data.map(({ number, updatedAt, ...rest }) => ({ ref: `STD-${number}`, ...rest, updatedAt: updatedAt.toISOString() })),
    nextCursor,
  };
}

export async function apiTestCasesPage(db: Executor, projectId: string, page: PageRequest) {
  const rows = await db
    .select({
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
      updatedAt: testCases.updatedAt,
    })
    .from(testCases)
    .where(and(eq(testCases.projectId, projectId), page.after ? gt(testCases.number, page.after[0] as number) : undefined))
    .orderBy(asc(testCases.number))
    .limit(page.limit + 1);
  const { data, nextCursor } = pageOf(rows, page.limit, (r) => [r.number]);
  return {
    data: data.map(({ number, updatedAt, steps, criteria, ...rest }) => ({
      ref: `CT-${number}`,
      ...rest,
      steps: steps.map((s) => ({ action: s.action, expected: s.expected })),
      criteria: criteria.map((c) => ({ metric: c.metric, unit: c.unit, threshold: c.threshold, direction: c.direction })),
      updatedAt: updatedAt.toISOString(),
    })),
    nextCursor,
  };
}

/** Refs of both ends from the `trace_items` view, in the same statement as the links. */
const itemRef = (end: 'upstream_id' | 'downstream_id') =>
  sql<string>`(select ti.ref from trace_items ti where ti.id = ${sql.identifier('trace_link_states')}.${sql.identifier(end)})`;

export async function apiTraceLinksPage(db: Executor, projectId: string, page: PageRequest) {
  const rows = await db
    .select({
      id: traceLinkStates.id,
      kind: traceLinkStates.kind,
      upstreamRef: itemRef('upstream_id'),
      downstreamRef: itemRef('downstream_id'),
      reviewedVersion: traceLinkStates.reviewedVersion,
      upstreamVersion: traceLinkStates.upstreamVersion,
      suspect: traceLinkStates.suspect,
    })
    .from(traceLinkStates)
    .where(and(eq(traceLinkStates.projectId, projectId), page.after ? gt(traceLinkStates.id, page.after[0] as string) : undefined))
    .orderBy(asc(traceLinkStates.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => [r.id]);
}

const campaignColumns = {
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
  createdAt: campaigns.createdAt,
};

type CampaignRow = Pick<
  typeof campaigns.$inferSelect,
  'number' | 'name' | 'type' | 'status' | 'environment' | 'build' | 'description' | 'plannedStart' | 'plannedEnd' | 'startedAt' | 'closedAt' | 'createdAt'
>;

/** A campaign as the API shows it (no internal id). */
export function apiCampaign(row: CampaignRow) {
  return {
    number: row.number,
    name: row.name,
    type: row.type,
    status: row.status,
    environment: row.environment,
    build: row.build,
    description: row.description,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    startedAt: iso(row.startedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function apiCampaignsPage(db: Executor, projectId: string, page: PageRequest) {
  const rows = await db
    .select(campaignColumns)
    .from(campaigns)
    .where(and(eq(campaigns.projectId, projectId), page.after ? gt(campaigns.number, page.after[0] as number) : undefined))
    .orderBy(asc(campaigns.number))
    .limit(page.limit + 1);
  const { data, nextCursor } = pageOf(rows, page.limit, (r) => [r.number]);
  return { data: data.map((row) => apiCampaign(row)), nextCursor };
}

/**
 * A campaign's results: the campaign, its totals per state (the campaign page's own count) and a page of its items
 * from the state view: three statements, whatever the size of the campaign.
 */
export async function apiCampaignResultsPage(db: Executor, projectId: string, number: number, page: PageRequest) {
  const [campaign] = await db
    .select(campaignColumns)
    .from(campaigns)
    .where(and(eq(campaigns.projectId, projectId), eq(campaigns.number, number)));
  if (!campaign) return null;
  const counts = new Map((await campaignStateCounts(db, campaign.id)).map((row) => [row.state, row.count]));

  const after = page.after;
  const rows = await db
    .select({
      id: campaignItemStates.id,
      position: campaignItemStates.position,
      number: testCases.number,
      title: testCases.title,
      automationKey: testCases.automationKey,
      plannedVersion: campaignItemStates.plannedVersion,
      currentVersion: campaignItemStates.currentVersion,
      state: campaignItemStates.state,
      latestStatus: campaignItemStates.latestStatus,
      finishedAt: campaignItemStates.latestFinishedAt,
      notRunReason: campaignItemStates.notRunReason,
    })
    .from(campaignItemStates)
    .innerJoin(testCases, eq(testCases.id, campaignItemStates.testCaseId))
    .where(
      and(
        eq(campaignItemStates.campaignId, campaign.id),
        eq(campaignItemStates.projectId, projectId),
        after
          ? or(
              gt(campaignItemStates.position, after[0] as number),
              and(eq(campaignItemStates.position, after[0] as number), gt(campaignItemStates.id, after[1] as string)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(campaignItemStates.position), asc(campaignItemStates.id))
    .limit(page.limit + 1);
  const { data, nextCursor } = pageOf(rows, page.limit, (r) => [r.position, r.id]);
  return {
    campaign: apiCampaign(campaign),
    totals: Object.fromEntries(ITEM_STATES.map((state) => [state, counts.get(state) ?? 0])) as Record<ItemState, number>,
    data: data.map(({ id: _id, number: ref, finishedAt, ...rest }) => ({
      position: rest.position,
      testCaseRef: `CT-${ref}`,
      title: rest.title,
      automationKey: rest.automationKey,
      plannedVersion: rest.plannedVersion,
      currentVersion: rest.currentVersion,
      state: rest.state,
      latestStatus: rest.latestStatus,
      finishedAt: iso(finishedAt),
      notRunReason: rest.notRunReason,
    })),
    nextCursor,
  };
}

/**
 * A release's readiness as the release page computes it (readiness.ts: the inputs and the campaigns' results in one
 * statement), with the latest recorded decision; null when the project has no such release.
 */
export async function apiReleaseReadiness(db: Executor, projectId: string, number: number) {
  const release = await findRelease(db, projectId, number);
  if (!release) return null;
  const { inputs, campaigns: campaignRows } = await readinessInputs(db, projectId, release.id, await findThresholds(db, projectId));
  const [recorded] = await db
    .select({ decision: goNoGoRecords.decision, recordedAt: goNoGoRecords.recordedAt })
    .from(goNoGoRecords)
    .where(eq(goNoGoRecords.releaseId, release.id))
    .orderBy(desc(goNoGoRecords.recordedAt))
    .limit(1);
  const { decision, criteria } = proposeDecision(inputs);
  return {
    release: { number: release.number, name: release.name, version: release.version, targetDate: release.targetDate },
    proposedDecision: decision,
    criteria,
    inputs,
    campaigns: campaignRows.map((c) => ({
      number: c.number,
      name: c.name,
      status: c.status,
      build: c.build,
      results: { total: c.total, passed: c.passed, failed: c.failed, blocked: c.blocked, notRun: c.notRun, pending: c.total - c.passed - c.failed - c.blocked - c.notRun },
    })),
    recordedDecision: recorded ? { decision: recorded.decision, recordedAt: recorded.recordedAt.toISOString() } : null,
  };
}
