'use server';

import { and, eq, isNull } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { applyAnomalyTransition } from '@/db/queries/anomaly-transitions';
import { insertExecutions, markCampaignStarted } from '@/db/queries/execution-writes';
import { retestCandidates, retestsOf } from '@/db/queries/runner';
import { anomalies, campaignItems, campaigns, executions, testCases } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { retestProposal } from '@/lib/recette/anomaly-workflow';
import { STEP_STATUSES, type ExecutionResult } from '@/lib/recette/campaign-model';
import { blankStepResults, deriveExecutionStatus, overrideNeedsReason } from '@/lib/recette/execution-status';
import { formatRef } from '@/lib/traceability/refs';

const inProject = z.object({ projectKey: projectKeySchema });
const text = (max: number) => z.string().trim().max(max, { message: 'tooLong' });
const RESULTS = ['passed', 'failed', 'blocked'] as const satisfies readonly ExecutionResult[];

function refreshCampaign(projectKey: string) {
  revalidatePath(`/projects/${projectKey}/campaigns`, 'layout');
}

/**
 * The execution a write is about, locked, with its campaign: refused when the campaign is closed (read-only) or the
 * run is finished (a finished run is history; a new run is a new execution). The campaign is locked shared first,
 * in the same order as every campaign write, so runs of one campaign proceed side by side and never deadlock.
 */
async function lockOpenExecution(tx: Transaction, projectId: string, executionId: string, revision: number | null) {
  const [found] = await tx
    .select({ campaignId: executions.campaignId })
    .from(executions)
    .where(and(eq(executions.id, executionId), eq(executions.projectId, projectId)));
  if (!found) throw new ActionError('not_found');
  const [campaign] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, found.campaignId)).for('share');
  const [execution] = await tx.select().from(executions).where(eq(executions.id, executionId)).for('update');
  if (!campaign || !execution) throw new ActionError('not_found');
  if (campaign.status === 'closed') throw new ActionError('conflict', 'campaignClosed');
  if (revision !== null) {
    if (execution.finishedAt) throw new ActionError('conflict', 'executionFinished');
    if (execution.revision !== revision) throw new ActionError('conflict', 'staleVersion', undefined, { revision: execution.revision });
  }
  return execution;
}

/**
 * Starts a run of a campaign item: the test case's current version (steps and criteria) and the campaign's name,
 * environment and build are copied into the execution, so later edits never rewrite it. The first run moves a
 * planned campaign to "en cours". An item already being run is resumed, not started twice.
 */
export const startExecution = projectAction({
  name: 'startExecution',
  permission: 'tests.execute',
  input: inProject.extend({ campaignItemId: z.uuid() }),
  async handler({ tx, actor, input, membership, audit }) {
    const [item] = await tx
      .select({ id: campaignItems.id, campaignId: campaignItems.campaignId, testCaseId: campaignItems.testCaseId, notRunReason: campaignItems.notRunReason })
      .from(campaignItems)
      .where(and(eq(campaignItems.id, input.campaignItemId), eq(campaignItems.projectId, membership.projectId)));
    if (!item) throw new ActionError('not_found');
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, item.campaignId)).for('update');
    if (!campaign) throw new ActionError('not_found');
    if (campaign.status === 'closed') throw new ActionError('conflict', 'campaignClosed');
    if (item.notRunReason !== null) throw new ActionError('conflict', 'itemNotRun');
    const [open] = await tx
      .select({ id: executions.id })
      .from(executions)
      .where(and(eq(executions.campaignItemId, item.id), isNull(executions.finishedAt)));
    if (open) throw new ActionError('conflict', 'executionInProgress', undefined, { executionId: open.id });
    const [testCase] = await tx
      .select({ number: testCases.number, version: testCases.version, steps: testCases.steps, criteria: testCases.criteria })
      .from(testCases)
      .where(eq(testCases.id, item.testCaseId));
    if (!testCase) throw new ActionError('not_found');
    const [created] = await insertExecutions(
      tx,
      { projectId: membership.projectId, campaign, actorId: actor.id, source: 'manual' },
      [{ campaignItemId: item.id, testCase: { id: item.testCaseId, ...testCase }, stepResults: blankStepResults(testCase.steps.length), measurements: [] }],
    );
    await audit({
      entity: 'execution',
      entityId: created!.id,
      action: 'start',
      after: { testCase: formatRef('testCase', testCase.number), version: testCase.version, campaign: campaign.number },
    });
    if (await markCampaignStarted(tx, campaign)) {
      await audit({ entity: 'campaign', entityId: campaign.id, action: 'status', before: { status: 'planned' }, after: { status: 'in_progress' } });
    }
    return { id: created!.id, revision: created!.revision };
  },
  after(_data, input) {
    refreshCampaign(input.projectKey);
  },
});

/** One step's status (réussi, échoué, bloqué, non applicable, or cleared) and actual result; the verdict follows. */
export const recordStep = projectAction({
  name: 'recordStep',
  permission: 'tests.execute',
  input: inProject.extend({
    executionId: z.uuid(),
    stepIndex: z.coerce.number().int().min(0),
    status: z.enum(STEP_STATUSES).nullable(),
    /** Left out: the actual result typed earlier stays (a status key pressed alone). */
    actual: text(5000).optional(),
    revision: versionSchema,
  }),
  async handler({ tx, input, membership, audit }) {
    const execution = await lockOpenExecution(tx, membership.projectId, input.executionId, input.revision);
    const before = execution.stepResults[input.stepIndex];
    if (!before) throw new ActionError('invalid', 'invalid', { stepIndex: ['invalid'] });
    const step = { status: input.status, actual: input.actual ?? before.actual };
    const stepResults = execution.stepResults.map((result, i) => (i === input.stepIndex ? step : result));
    const derivedStatus = deriveExecutionStatus(stepResults, execution.criteria, execution.measurements);
    const revision = execution.revision + 1;
    await tx.update(executions).set({ stepResults, derivedStatus, status: derivedStatus, revision }).where(eq(executions.id, execution.id));
    await audit({ entity: 'execution', entityId: execution.id, action: 'record_step', before: { stepIndex: input.stepIndex, ...before }, after: { stepIndex: input.stepIndex, ...step } });
    return { revision, derivedStatus };
  },
});

/** The measured values of a performance run, by the criteria's metric names; their thresholds decide the verdict. */
export const recordMeasurements = projectAction({
  name: 'recordMeasurements',
  permission: 'tests.execute',
  input: inProject.extend({
    executionId: z.uuid(),
    measurements: z
      .array(z.object({ metric: text(200).min(1, { message: 'required' }), value: z.number().finite().nullable() }))
      .max(50),
    revision: versionSchema,
  }),
  async handler({ tx, input, membership, audit }) {
    const execution = await lockOpenExecution(tx, membership.projectId, input.executionId, input.revision);
    const known = new Set(execution.criteria.map((c) => c.metric));
    const unknown = input.measurements.findIndex((m) => !known.has(m.metric));
    if (unknown !== -1) throw new ActionError('invalid', 'invalid', { [`measurements.${unknown}.metric`]: ['invalid'] });
    const given = new Map(input.measurements.map((m) => [m.metric, m.value]));
    const previous = new Map(execution.measurements.map((m) => [m.metric, m.value]));
    const measurements = execution.criteria.map((c) => ({
      metric: c.metric,
      value: given.has(c.metric) ? given.get(c.metric)! : (previous.get(c.metric) ?? null),
    }));
    const derivedStatus = deriveExecutionStatus(execution.stepResults, execution.criteria, measurements);
    const revision = execution.revision + 1;
    await tx.update(executions).set({ measurements, derivedStatus, status: derivedStatus, revision }).where(eq(executions.id, execution.id));
    await audit({ entity: 'execution', entityId: execution.id, action: 'record_measurements', before: { measurements: execution.measurements }, after: { measurements } });
    return { revision, derivedStatus };
  },
});

/**
 * Records the run's result: the derived one by default; another one needs the reason. The duration runs from the
 * start. The answer lists the anomalies this run may retest, with the proposed move for the tester to confirm.
 */
export const finishExecution = projectAction({
  name: 'finishExecution',
  permission: 'tests.execute',
  input: inProject.extend({
    executionId: z.uuid(),
    status: z.enum(RESULTS).optional(),
    overrideReason: text(2000).optional(),
    comment: text(5000).default(''),
    revision: versionSchema,
  }),
  async handler({ tx, input, membership, audit }) {
    const execution = await lockOpenExecution(tx, membership.projectId, input.executionId, input.revision);
    const derived = deriveExecutionStatus(execution.stepResults, execution.criteria, execution.measurements);
    const status = input.status ?? derived;
    if (status === 'in_progress') throw new ActionError('invalid', 'invalid', { status: ['runner.unanswered'] });
    const overridden = overrideNeedsReason(derived, status);
    const overrideReason = overridden ? (input.overrideReason ?? '') : '';
    if (overridden && !overrideReason) throw new ActionError('invalid', 'invalid', { overrideReason: ['reasonRequired'] });
    const finishedAt = new Date();
    const durationMs = Math.max(0, finishedAt.getTime() - execution.startedAt.getTime());
    const revision = execution.revision + 1;
    await tx
      .update(executions)
      .set({ derivedStatus: derived, status, overrideReason: overridden ? overrideReason : null, comment: input.comment, finishedAt, durationMs, revision })
      .where(eq(executions.id, execution.id));
    await audit({
      entity: 'execution',
      entityId: execution.id,
      action: 'finish',
      before: { status: execution.status },
      after: { status, derivedStatus: derived, overrideReason: overridden ? overrideReason : undefined, comment: input.comment, durationMs },
    });
    const retests = await retestsOf(tx, membership.projectId, { ...execution, status, finishedAt });
    return { revision, status, retests };
  },
  after(_data, input) {
    refreshCampaign(input.projectKey);
  },
});

/**
 * The tester's confirmation of a retest proposal: the anomaly awaiting retest is closed (the run passed) or reopened
 * (it failed) through the one transition mechanism, which links this run to it. Only the proposed move is accepted.
 */
export const confirmRetest = projectAction({
  name: 'confirmRetest',
  permission: 'tests.execute',
  input: inProject.extend({
    anomalyId: z.uuid(),
    executionId: z.uuid(),
    outcome: z.enum(['close', 'reopen']),
    reason: text(2000).default(''),
  }),
  async handler({ tx, actor, input, membership, audit }) {
    const execution = await lockOpenExecution(tx, membership.projectId, input.executionId, null);
    if (!execution.finishedAt || execution.status === 'in_progress') throw new ActionError('conflict', 'executionNotFinished');
    const [candidate] = await retestCandidates(tx, membership.projectId, execution, [input.anomalyId]);
    if (!candidate) {
      // Another project's (or a made-up) anomaly is unknown here; one of this project that this run does not retest
      // is a stale screen.
      const [known] = await tx.select({ id: anomalies.id }).from(anomalies).where(and(eq(anomalies.id, input.anomalyId), eq(anomalies.projectId, membership.projectId)));
      throw known ? new ActionError('conflict', 'statusTransition') : new ActionError('not_found');
    }
    if (retestProposal(execution.status, candidate.status) !== input.outcome) throw new ActionError('conflict', 'retestMismatch');
    const moved = await applyAnomalyTransition(tx, {
      projectId: membership.projectId,
      anomalyId: input.anomalyId,
      to: input.outcome === 'close' ? 'closed' : 'reopened',
      role: membership.role,
      actorId: actor.id,
      reason: input.reason,
      revision: null,
      executionId: execution.id,
    });
    await audit({
      entity: 'anomaly',
      entityId: input.anomalyId,
      action: 'status',
      before: { ref: formatRef('anomaly', moved.number), ...moved.before },
      after: { ...moved.after, retest: execution.id },
    });
    return { status: moved.after.status, revision: moved.revision };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
