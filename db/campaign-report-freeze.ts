import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { anomalies, campaignItemStates, campaigns, executions, projects, testCases, users } from '@/db/schema';
import { campaignReportSnapshot, type CampaignReportSnapshot } from '@/lib/signoff/campaign-report';

/**
 * A campaign's report as it stands, to be frozen into its approval request: the campaign, every item with its verdict
 * and latest execution (who ran it, when), and the anomalies raised in it. Three statements whatever its size.
 * Shared by the request action's query and the demo seed, which cannot import server-only modules.
 */
export async function readCampaignReport(db: Executor, projectId: string, campaignId: string): Promise<CampaignReportSnapshot | null> {
  const closer = alias(users, 'closer');
  const runner = alias(users, 'runner');
  const [head] = await db
    .select({
      project: { key: projects.key, name: projects.name, client: projects.client },
      number: campaigns.number,
      name: campaigns.name,
      type: campaigns.type,
      description: campaigns.description,
      environment: campaigns.environment,
      build: campaigns.build,
      plannedStart: campaigns.plannedStart,
      plannedEnd: campaigns.plannedEnd,
      startedAt: campaigns.startedAt,
      closedAt: campaigns.closedAt,
      closedBy: closer.name,
    })
    .from(campaigns)
    .innerJoin(projects, eq(projects.id, campaigns.projectId))
    .leftJoin(closer, eq(closer.id, campaigns.closedBy))
    .where(and(eq(campaigns.projectId, projectId), eq(campaigns.id, campaignId)));
  if (!head) return null;
  const [results, raised] = await Promise.all([
    db
      .select({
        position: campaignItemStates.position,
        testCase: testCases.number,
        title: testCases.title,
        version: sql<number>`coalesce(${executions.testCaseVersion}, ${campaignItemStates.plannedVersion})`,
        verdict: campaignItemStates.state,
        executedBy: runner.name,
        executedAt: executions.finishedAt,
        notRunReason: campaignItemStates.notRunReason,
      })
      .from(campaignItemStates)
      .innerJoin(testCases, eq(testCases.id, campaignItemStates.testCaseId))
      .leftJoin(executions, eq(executions.id, campaignItemStates.latestExecutionId))
      .leftJoin(runner, eq(runner.id, executions.executedBy))
      .where(and(eq(campaignItemStates.projectId, projectId), eq(campaignItemStates.campaignId, campaignId))),
    db
      .select({ number: anomalies.number, title: anomalies.title, severity: anomalies.severity, status: anomalies.status })
      .from(anomalies)
      .where(and(eq(anomalies.projectId, projectId), eq(anomalies.campaignId, campaignId))),
  ]);
  const { project, ...campaign } = head;
  return campaignReportSnapshot({ project, campaign, results, anomalies: raised });
}

