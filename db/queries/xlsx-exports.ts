import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { anomalies, anomalyExecutions, campaignItemStates as itemStates, executions, requirements, testCases, users } from '@/db/schema';

/**
 * The whole-project reads behind the .xlsx downloads: one statement per sheet whatever the project's size (the
 * large project has 8,000 test cases), never a query per row.
 */

export async function requirementsForExport(db: Executor, projectId: string) {
  const parent = alias(requirements, 'parent');
  return db
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
    .where(eq(requirements.projectId, projectId))
    .orderBy(asc(requirements.number));
}

export async function testCasesForExport(db: Executor, projectId: string) {
  return db
    .select({
      number: testCases.number,
      title: testCases.title,
      objective: testCases.objective,
      preconditions: testCases.preconditions,
      testData: testCases.testData,
      type: testCases.type,
      priority: testCases.priority,
      folder: testCases.folder,
      tags: testCases.tags,
      automated: testCases.automated,
      automationKey: testCases.automationKey,
      steps: testCases.steps,
      version: testCases.version,
      updatedAt: testCases.updatedAt,
    })
    .from(testCases)
    .where(eq(testCases.projectId, projectId))
    .orderBy(asc(testCases.number));
}

/** A campaign's items in plan order, each with its state, its latest execution and the anomalies raised on it. */
export async function campaignResultsForExport(db: Executor, projectId: string, campaignId: string) {
  return db
    .select({
      position: itemStates.position,
      testCaseNumber: testCases.number,
      title: testCases.title,
      folder: testCases.folder,
      plannedVersion: itemStates.plannedVersion,
      state: itemStates.state,
      notRunReason: itemStates.notRunReason,
      executedByName: users.name,
      startedAt: executions.startedAt,
      finishedAt: executions.finishedAt,
      comment: executions.comment,
      anomalyNumbers: sql<number[]>`coalesce((select array_agg(${anomalies.number} order by ${anomalies.number})
        from ${anomalyExecutions} join ${anomalies} on ${anomalies.id} = ${anomalyExecutions.anomalyId}
        where ${anomalyExecutions.executionId} = ${itemStates.latestExecutionId}), '{}')`,
    })
    .from(itemStates)
    .innerJoin(testCases, eq(testCases.id, itemStates.testCaseId))
    .leftJoin(executions, eq(executions.id, itemStates.latestExecutionId))
    .leftJoin(users, eq(users.id, executions.executedBy))
    .where(and(eq(itemStates.projectId, projectId), eq(itemStates.campaignId, campaignId)))
    .orderBy(asc(itemStates.position));
}
