import { anomalies, anomalyEvents, anomalyExecutions, anomalySpecifications, auditEvents, campaignItems, campaigns, executions, refCounters } from '@/db/schema';
import { formatRef, REF_PREFIXES } from '@/lib/traceability/refs';
import { insertInChunks } from './bulk';
import type { Generator } from './context';

/**
 * Campaigns (by the AMOE) with their scope and assignees, the executions of their items with step results (each
 * keeping the test-case version it ran, as the runner does) and the anomalies raised from failed steps with their
 * events and links; one journal row per campaign and per anomaly created.
 */
export const recetteGenerator: Generator = {
  name: 'campagnes, exécutions, anomalies',
  async run({ tx, plan, largeProjectId: projectId, accounts }) {
    const amoe = accounts.amoe.id;
    const { recette } = plan;
    const campaignById = new Map(recette.campaigns.map((c) => [c.id, c]));
    const testCaseById = new Map(plan.testCases.map((t) => [t.id, t]));

    await insertInChunks(
      tx,
      campaigns,
      recette.campaigns.map((c) => ({
        id: c.id,
        projectId,
        number: c.number,
        name: c.name,
        type: c.type,
        environment: c.environment,
        build: c.build,
        description: `Campagne générée par seed:large (${c.type}).`,
        plannedStart: c.plannedStart,
        plannedEnd: c.plannedEnd,
        status: c.status,
        startedAt: c.startedAt,
        closedAt: c.closedAt,
        closedBy: c.closedAt ? amoe : null,
        createdBy: amoe,
        createdAt: new Date(new Date(c.plannedStart).getTime() - 7 * 86_400_000),
        updatedAt: c.closedAt ?? c.startedAt ?? new Date(c.plannedStart),
      })),
    );
    await insertInChunks(
      tx,
      campaignItems,
      recette.items.map((i) => ({
        id: i.id,
        projectId,
        campaignId: i.campaignId,
        testCaseId: i.testCaseId,
        plannedVersion: i.plannedVersion,
        position: i.position,
        assigneeId: i.assigneeId,
        addedBy: amoe,
        addedAt: new Date(campaignById.get(i.campaignId)!.plannedStart),
      })),
      1000,
    );
    await insertInChunks(
      tx,
      executions,
      recette.executions.map((e) => {
        const campaign = campaignById.get(e.campaignId)!;
        const testCase = testCaseById.get(e.testCaseId)!;
        return {
          id: e.id,
          projectId,
          campaignId: e.campaignId,
          campaignItemId: e.itemId,
          testCaseId: e.testCaseId,
          testCaseVersion: e.testCaseVersion,
          steps: testCase.fields.steps,
          criteria: testCase.fields.criteria,
          stepResults: e.stepResults,
          measurements: e.measurements,
          derivedStatus: e.status,
          status: e.status,
          source: testCase.fields.criteria.length ? ('performance_report' as const) : testCase.fields.automated ? ('junit' as const) : ('manual' as const),
          campaignName: campaign.name,
          environment: campaign.environment,
          build: campaign.build,
          executedBy: e.executedBy,
          startedAt: e.startedAt,
          finishedAt: e.finishedAt,
          durationMs: e.durationMs,
        };
      }),
      // Steps and step results make these the widest rows of the seed.
      200,
    );
    await insertInChunks(
      tx,
      anomalies,
      recette.anomalies.map((a) => {
        const campaign = campaignById.get(a.execution.campaignId)!;
        const step = testCaseById.get(a.execution.testCaseId)!.fields.steps[a.execution.failedStep!]!;
        return {
          id: a.id,
          projectId,
          number: a.number,
          title: a.title,
          stepsToReproduce: `Cas de test ${formatRef('testCase', testCaseById.get(a.execution.testCaseId)!.number)}, étape ${a.execution.failedStep! + 1} : ${step.action}`,
          expectedResult: step.expected,
          actualResult: a.execution.stepResults[a.execution.failedStep!]!.actual,
          severity: a.severity,
          priority: a.priority,
          status: a.status,
          assigneeId: a.assigneeId,
          environment: campaign.environment,
          build: campaign.build,
          campaignId: campaign.id,
          testCaseId: a.execution.testCaseId,
          executionId: a.execution.id,
          stepIndex: a.execution.failedStep,
          revision: a.events.length,
          createdBy: a.createdBy,
          createdAt: a.createdAt,
          updatedAt: a.events.at(-1)!.at,
        };
      }),
    );
    await insertInChunks(
      tx,
      anomalyExecutions,
      recette.anomalies.map((a) => ({ anomalyId: a.id, executionId: a.execution.id, linkedAt: a.createdAt })),
      1000,
    );
    await insertInChunks(
      tx,
      anomalySpecifications,
      recette.anomalies.flatMap((a) => a.specificationIds.map((specificationId) => ({ anomalyId: a.id, specificationId }))),
      1000,
    );
    const events = recette.anomalies.flatMap((a) => a.events.map((e) => ({ anomalyId: a.id, ...e })));
    await insertInChunks(tx, anomalyEvents, events, 1000);
    await tx.insert(refCounters).values({ projectId, prefix: REF_PREFIXES.anomaly, lastNumber: recette.anomalies.length });
    await insertInChunks(tx, auditEvents, [
      ...recette.campaigns.map((c) => ({
        actorId: amoe,
        projectId,
        entity: 'campaign',
        entityId: c.id,
        action: 'create',
        after: { number: c.number, name: c.name, type: c.type },
        createdAt: new Date(new Date(c.plannedStart).getTime() - 7 * 86_400_000),
      })),
      ...recette.anomalies.map((a) => ({
        actorId: a.createdBy,
        projectId,
        entity: 'anomaly',
        entityId: a.id,
        action: 'create',
        after: { ref: formatRef('anomaly', a.number), title: a.title, severity: a.severity },
        createdAt: a.createdAt,
      })),
    ]);
    return {
      campaigns: recette.campaigns.length,
      'campaign items': recette.items.length,
      executions: recette.executions.length,
      anomalies: recette.anomalies.length,
      'anomaly events': events.length,
    };
  },
};
