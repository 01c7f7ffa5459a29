import 'server-only';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import {
  anomalies,
  anomalyEvents,
  anomalyExecutions,
  anomalySpecifications,
  campaigns,
  executions,
  projectMembers,
  specifications,
  testCases,
  traceLinks,
  users,
} from '@/db/schema';
import { OPEN_ANOMALY_STATUSES, type AnomalySeverity, type AnomalyStatus } from '@/lib/recette/anomaly-model';
import { listPageSize } from './page-size';
import { textSearchCondition } from './search';

export interface AnomalyFilters {
  q?: string;
  severity?: AnomalySeverity;
  /** One status, or `open` for every status that still counts against a go-live. */
  status?: AnomalyStatus | 'open';
  campaign?: string;
  /** A member's id, or `none` for the unassigned ones. */
  assignee?: string;
  page?: number;
  pageSize?: number;
}

export const ANOMALY_PAGE_SIZE = 50;

const assignees = alias(users, 'assignees');

/** A page of a project's anomalies, newest first, with the total of the filtered list in the same query. */
export async function listAnomalies(db: Executor, projectId: string, filters: AnomalyFilters = {}) {
  const conditions: (SQL | undefined)[] = [
    eq(anomalies.projectId, projectId),
    filters.severity && eq(anomalies.severity, filters.severity),
    filters.status === 'open'
      ? inArray(anomalies.status, [...OPEN_ANOMALY_STATUSES])
      : filters.status && eq(anomalies.status, filters.status),
    filters.campaign ? eq(anomalies.campaignId, filters.campaign) : undefined,
    filters.assignee === 'none'
      ? isNull(anomalies.assigneeId)
      : filters.assignee
        ? eq(anomalies.assigneeId, filters.assignee)
        : undefined,
    textSearchCondition(filters.q, anomalies, 'anomaly'),
  ];
  const pageSize = filters.pageSize ?? listPageSize(ANOMALY_PAGE_SIZE);
  const page = Math.max(filters.page ?? 1, 1);
  const rows = await db
    .select({
      id: anomalies.id,
      number: anomalies.number,
      title: anomalies.title,
      severity: anomalies.severity,
      priority: anomalies.priority,
      status: anomalies.status,
      production: anomalies.production,
      assigneeName: assignees.name,
      campaignNumber: campaigns.number,
      campaignName: campaigns.name,
      updatedAt: anomalies.updatedAt,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(anomalies)
    .leftJoin(assignees, eq(assignees.id, anomalies.assigneeId))
    .leftJoin(campaigns, eq(campaigns.id, anomalies.campaignId))
    .where(and(...conditions))
    .orderBy(desc(anomalies.number))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: rows[0]?.total ?? 0, page, pageSize };
}

/** How many anomalies the project has per severity and per status, in one statement (grouping sets). */
export async function anomalyCounts(db: Executor, projectId: string) {
  const rows = await db
    .select({
      severity: anomalies.severity,
      status: anomalies.status,
      bySeverity: sql<boolean>`grouping(${anomalies.status}) = 1`,
      count: sql<number>`count(*)::int`,
    })
    .from(anomalies)
    .where(eq(anomalies.projectId, projectId))
    .groupBy(sql`grouping sets ((${anomalies.severity}), (${anomalies.status}))`);
  const severity: Partial<Record<AnomalySeverity, number>> = {};
  const status: Partial<Record<AnomalyStatus, number>> = {};
  for (const row of rows) {
    if (row.bySeverity) severity[row.severity] = row.count;
    else status[row.status] = row.count;
  }
  const total = Object.values(severity).reduce((sum, n) => sum + n, 0);
  const open = OPEN_ANOMALY_STATUSES.reduce((sum, s) => sum + (status[s] ?? 0), 0);
  return { severity, status, total, open };
}

/** The open anomalies of a project (for the project's home and sidebar). */
export async function openAnomalyCount(db: Executor, projectId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(anomalies)
    .where(and(eq(anomalies.projectId, projectId), inArray(anomalies.status, [...OPEN_ANOMALY_STATUSES])));
  return row?.count ?? 0;
}

const reporters = alias(users, 'reporters');

export async function findAnomaly(db: Executor, projectId: string, number: number) {
  const [row] = await db
    .select({
      id: anomalies.id,
      number: anomalies.number,
      title: anomalies.title,
      stepsToReproduce: anomalies.stepsToReproduce,
      expectedResult: anomalies.expectedResult,
      actualResult: anomalies.actualResult,
      severity: anomalies.severity,
      priority: anomalies.priority,
      status: anomalies.status,
      assigneeId: anomalies.assigneeId,
      assigneeName: assignees.name,
      fixVersion: anomalies.fixVersion,
      environment: anomalies.environment,
      build: anomalies.build,
      production: anomalies.production,
      campaignId: anomalies.campaignId,
      campaignNumber: campaigns.number,
      campaignName: campaigns.name,
      testCaseId: anomalies.testCaseId,
      testCaseNumber: testCases.number,
      testCaseTitle: testCases.title,
      executionId: anomalies.executionId,
      executionItemId: executions.campaignItemId,
      stepIndex: anomalies.stepIndex,
      revision: anomalies.revision,
      createdBy: anomalies.createdBy,
      reporterName: reporters.name,
      createdAt: anomalies.createdAt,
      updatedAt: anomalies.updatedAt,
    })
    .from(anomalies)
    .leftJoin(assignees, eq(assignees.id, anomalies.assigneeId))
    .leftJoin(reporters, eq(reporters.id, anomalies.createdBy))
    .leftJoin(campaigns, eq(campaigns.id, anomalies.campaignId))
    .leftJoin(testCases, eq(testCases.id, anomalies.testCaseId))
    .leftJoin(executions, eq(executions.id, anomalies.executionId))
    .where(and(eq(anomalies.projectId, projectId), eq(anomalies.number, number)))
    .limit(1);
  return row ?? null;
}

/** The anomaly's history, oldest first, with who did each thing. */
export async function listAnomalyEvents(db: Executor, anomalyId: string) {
  return db
    .select({
      id: anomalyEvents.id,
      kind: anomalyEvents.kind,
      fromStatus: anomalyEvents.fromStatus,
      toStatus: anomalyEvents.toStatus,
      body: anomalyEvents.body,
      actorName: users.name,
      at: anomalyEvents.at,
    })
    .from(anomalyEvents)
    .leftJoin(users, eq(users.id, anomalyEvents.actorId))
    .where(eq(anomalyEvents.anomalyId, anomalyId))
    .orderBy(asc(anomalyEvents.at), asc(sql`${anomalyEvents.kind} <> 'created'`));
}

/** The executions linked to the anomaly (the one it was raised from, the retests), with their campaign. */
export async function listAnomalyExecutions(db: Executor, anomalyId: string) {
  return db
    .select({
      executionId: executions.id,
      campaignItemId: executions.campaignItemId,
      campaignNumber: campaigns.number,
      campaignName: executions.campaignName,
      status: executions.status,
      build: executions.build,
      startedAt: executions.startedAt,
    })
    .from(anomalyExecutions)
    .innerJoin(executions, eq(executions.id, anomalyExecutions.executionId))
    .innerJoin(campaigns, eq(campaigns.id, executions.campaignId))
    .where(eq(anomalyExecutions.anomalyId, anomalyId))
    .orderBy(asc(executions.startedAt));
}

export async function listAnomalySpecifications(db: Executor, anomalyId: string) {
  return db
    .select({ id: specifications.id, number: specifications.number, title: specifications.title })
    .from(anomalySpecifications)
    .innerJoin(specifications, eq(specifications.id, anomalySpecifications.specificationId))
    .where(eq(anomalySpecifications.anomalyId, anomalyId))
    .orderBy(asc(specifications.number));
}

/** An execution of the project with what an anomaly raised from one of its steps takes from it. */
export async function findExecutionForAnomaly(db: Executor, projectId: string, executionId: string) {
  const [row] = await db
    .select({
      id: executions.id,
      campaignId: executions.campaignId,
      campaignItemId: executions.campaignItemId,
      campaignNumber: campaigns.number,
      campaignName: executions.campaignName,
      testCaseId: executions.testCaseId,
      testCaseNumber: testCases.number,
      testCaseTitle: testCases.title,
      steps: executions.steps,
      stepResults: executions.stepResults,
      environment: executions.environment,
      build: executions.build,
    })
    .from(executions)
    .innerJoin(campaigns, eq(campaigns.id, executions.campaignId))
    .innerJoin(testCases, eq(testCases.id, executions.testCaseId))
    .where(and(eq(executions.projectId, projectId), eq(executions.id, executionId)))
    .limit(1);
  return row ?? null;
}

/** The specifications a test case verifies (trace links specification → test case). */
export async function testCaseSpecificationIds(db: Executor, projectId: string, testCaseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: traceLinks.upstreamId })
    .from(traceLinks)
    .where(and(eq(traceLinks.projectId, projectId), eq(traceLinks.kind, 'specification_test_case'), eq(traceLinks.downstreamId, testCaseId)));
  return rows.map((r) => r.id);
}

/** How many campaigns the anomaly form and the list filter offer: the most recent ones. */
export const CAMPAIGN_OPTION_LIMIT = 50;

/**
 * Campaigns for the anomaly form and the list filter: the most recent CAMPAIGN_OPTION_LIMIT, plus `include` (the
 * one already chosen) wherever it stands, newest first — bounded however many campaigns the project has run.
 */
export async function listCampaignOptions(db: Executor, projectId: string, include?: string | null) {
  const recent = db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.projectId, projectId))
    .orderBy(desc(campaigns.number))
    .limit(CAMPAIGN_OPTION_LIMIT);
  return db
    .select({ id: campaigns.id, number: campaigns.number, name: campaigns.name, environment: campaigns.environment, build: campaigns.build })
    .from(campaigns)
    .where(and(eq(campaigns.projectId, projectId), or(inArray(campaigns.id, recent), include ? eq(campaigns.id, include) : undefined)))
    .orderBy(desc(campaigns.number));
}

/** Members an anomaly can be assigned to: anyone of the project but viewers. */
export async function listAssignableMembers(db: Executor, projectId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), sql`${projectMembers.role} <> 'viewer'`, eq(users.isActive, true)))
    .orderBy(asc(users.name));
}
