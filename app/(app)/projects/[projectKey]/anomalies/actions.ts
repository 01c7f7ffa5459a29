'use server';

import { and, eq, inArray, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { applyAnomalyTransition } from '@/db/queries/anomaly-transitions';
import { findExecutionForAnomaly, testCaseSpecificationIds } from '@/db/queries/anomalies';
import { noticeAnomalyAssigned } from '@/db/queries/anomaly-notices';
import { nextRefNumber } from '@/db/queries/refs';
import {
  anomalies,
  anomalyEvents,
  anomalyExecutions,
  anomalySpecifications,
  campaigns,
  projectMembers,
  specifications,
  testCases,
} from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import {
  ANOMALY_FIELDS,
  ANOMALY_TEXT_FIELDS,
  anomalyShape,
  changedAnomalyFields,
  editableAnomalyFields,
  optionalId,
  type AnomalyFields,
} from '@/lib/recette/anomaly-schema';
import { REF_PREFIXES, formatRef } from '@/lib/traceability/refs';
import { normalizeText } from '@/lib/versioning/text';

const inProject = z.object({ projectKey: projectKeySchema });

/** Several ids from a form (repeated fields, or one comma-separated value) or from code (an array). */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.uuid({ message: 'invalid' })).max(100, { message: 'tooLong' }))
  .transform((ids) => [...new Set(ids)]);

/** A campaign and a test case named on the form must be the project's; anything else is not found. */
async function checkContext(tx: Transaction, projectId: string, fields: Pick<AnomalyFields, 'campaignId' | 'testCaseId'>) {
  if (fields.campaignId) {
    const [row] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, fields.campaignId), eq(campaigns.projectId, projectId)));
    if (!row) throw new ActionError('not_found');
  }
  if (fields.testCaseId) {
    const [row] = await tx.select({ id: testCases.id }).from(testCases).where(and(eq(testCases.id, fields.testCaseId), eq(testCases.projectId, projectId)));
    if (!row) throw new ActionError('not_found');
  }
}

/** An assignee is a member of the project who works on it (not a viewer); anyone else is not found. */
async function checkAssignee(tx: Transaction, projectId: string, userId: string | null) {
  if (!userId) return;
  const [row] = await tx
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  if (!row || row.role === 'viewer') throw new ActionError('not_found');
}

async function checkSpecifications(tx: Transaction, projectId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: specifications.id, number: specifications.number })
    .from(specifications)
    .where(and(eq(specifications.projectId, projectId), inArray(specifications.id, ids)));
  if (rows.length !== ids.length) throw new ActionError('not_found');
  return rows;
}

async function lockAnomaly(tx: Transaction, projectId: string, id: string) {
  const [row] = await tx
    .select()
    .from(anomalies)
    .where(and(eq(anomalies.id, id), eq(anomalies.projectId, projectId)))
    .for('update');
  if (!row) throw new ActionError('not_found');
  return row;
}

function fieldsOf(row: typeof anomalies.$inferSelect): AnomalyFields {
  return Object.fromEntries(ANOMALY_FIELDS.map((f) => [f, row[f]])) as AnomalyFields;
}

function revalidateProject(_data: unknown, input: { projectKey: string }) {
  revalidatePath(`/projects/${input.projectKey}`, 'layout');
}

/**
 * Raises an anomaly by hand, or from a failed step of an execution: then the campaign, the test case, the
 * environment and the build come from the execution (a different campaign or test case sent along is refused),
 * the execution is linked, and so are the specifications the test case verifies. The step's evidence stays the
 * execution's; the anomaly page shows it through the origin execution and step.
 */
export const raiseAnomaly = projectAction({
  name: 'raiseAnomaly',
  permission: 'tests.execute',
  input: inProject.extend(anomalyShape).extend({
    assigneeId: optionalId,
    executionId: optionalId,
    stepIndex: z.union([z.literal(''), z.coerce.number().int().min(0).max(10_000)]).optional().transform((v) => (v === '' ? undefined : v)),
    specificationIds: idList,
  }),
  async handler({ tx, actor, input, membership, audit }) {
    const { projectId } = membership;
    const { projectKey: _key, assigneeId, executionId, stepIndex, specificationIds, ...rest } = input;
    const fields: AnomalyFields = { ...rest };
    let origin: { executionId: string; stepIndex: number } | null = null;
    if (executionId) {
      const execution = await findExecutionForAnomaly(tx, projectId, executionId);
      if (!execution) throw new ActionError('not_found');
      if (stepIndex === undefined || stepIndex >= execution.steps.length) {
        throw new ActionError('invalid', 'invalid', { stepIndex: ['invalid'] });
      }
      const mismatch = [
        fields.campaignId && fields.campaignId !== execution.campaignId ? 'campaignId' : null,
        fields.testCaseId && fields.testCaseId !== execution.testCaseId ? 'testCaseId' : null,
      ].filter((f): f is string => f !== null);
      if (mismatch.length) throw new ActionError('invalid', 'invalid', Object.fromEntries(mismatch.map((f) => [f, ['invalid']])));
      fields.campaignId = execution.campaignId;
      fields.testCaseId = execution.testCaseId;
      fields.environment ||= execution.environment;
      fields.build ||= execution.build;
      origin = { executionId: execution.id, stepIndex };
    } else if (stepIndex !== undefined) {
      throw new ActionError('invalid', 'invalid', { stepIndex: ['invalid'] });
    }
    await checkContext(tx, projectId, fields);
    await checkAssignee(tx, projectId, assigneeId);
    const named = await checkSpecifications(tx, projectId, specificationIds);
    const traced = fields.testCaseId ? await testCaseSpecificationIds(tx, projectId, fields.testCaseId) : [];
    const specIds = [...new Set([...named.map((s) => s.id), ...traced])];

    const number = await nextRefNumber(tx, projectId, REF_PREFIXES.anomaly);
    const [created] = await tx
      .insert(anomalies)
      .values({
        ...fields,
        projectId,
        number,
        assigneeId,
        executionId: origin?.executionId ?? null,
        stepIndex: origin?.stepIndex ?? null,
        createdBy: actor.id,
      })
      .returning({ id: anomalies.id, revision: anomalies.revision });
    const id = created!.id;
    await tx.insert(anomalyEvents).values({ anomalyId: id, kind: 'created', toStatus: 'new', actorId: actor.id });
    if (origin) await tx.insert(anomalyExecutions).values({ anomalyId: id, executionId: origin.executionId });
    if (specIds.length) await tx.insert(anomalySpecifications).values(specIds.map((specificationId) => ({ anomalyId: id, specificationId })));
    const ref = formatRef('anomaly', number);
    await audit({
      entity: 'anomaly',
      entityId: id,
      action: 'create',
      after: { ref, ...fields, assigneeId, executionId: origin?.executionId, stepIndex: origin?.stepIndex, specificationIds: specIds },
    });
    await noticeAnomalyAssigned(tx, { projectId, actorId: actor.id, anomalyId: id, number, title: fields.title }, assigneeId);
    return { id, number, ref };
  },
  after: revalidateProject,
});

/**
 * Saves the anomaly's fields against the revision the person loaded. The owner and the AMOE edit everything; the
 * reporter edits only the describing texts, while the anomaly is still new (lib/recette/anomaly-schema.ts).
 */
export const updateAnomaly = projectAction({
  name: 'updateAnomaly',
  permission: 'tests.execute',
  input: inProject.extend(anomalyShape).extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const current = await lockAnomaly(tx, membership.projectId, input.id);
    const { projectKey: _key, id: _id, revision, ...sent } = input;
    const before = fieldsOf(current);
    const rights = editableAnomalyFields(membership.role, current.createdBy === actor.id, current.status);
    if (rights === 'none') throw new ActionError('forbidden');
    if (current.revision !== revision) throw new ActionError('conflict', 'staleVersion');
    // Ids sent are checked whoever sends them: another project's campaign or test case is unknown here, even when
    // the reporter's rights would leave the field as it is.
    await checkContext(tx, membership.projectId, sent);
    // The reporter's form sends every field; only the texts are theirs to change, the rest stays as it is.
    const after: AnomalyFields =
      rights === 'all' ? sent : { ...before, ...Object.fromEntries(ANOMALY_TEXT_FIELDS.map((f) => [f, sent[f]])) };
    const changed = changedAnomalyFields(before, after);
    if (changed.length === 0) {
      nothingChanged();
      return { revision: current.revision, changed };
    }
    const [updated] = await tx
      .update(anomalies)
      .set({ ...after, revision: current.revision + 1, updatedAt: new Date() })
      .where(eq(anomalies.id, current.id))
      .returning({ revision: anomalies.revision });
    await tx.insert(anomalyEvents).values({ anomalyId: current.id, kind: 'updated', body: changed.join(','), actorId: actor.id });
    await audit({
      entity: 'anomaly',
      entityId: current.id,
      action: 'update',
      before: { ref: formatRef('anomaly', current.number), ...Object.fromEntries(changed.map((f) => [f, before[f]])) },
      after: Object.fromEntries(changed.map((f) => [f, after[f]])),
    });
    return { revision: updated!.revision, changed };
  },
  after: revalidateProject,
});

/** Moves the anomaly along its lifecycle, through the one transition mechanism (db/queries/anomaly-transitions.ts). */
export const moveAnomaly = projectAction({
  name: 'moveAnomaly',
  permission: 'tests.execute',
  input: inProject.extend({
    id: z.uuid(),
    revision: versionSchema,
    to: z.enum(ANOMALY_STATUSES, { message: 'invalid' }),
    reason: z.string().transform(normalizeText).pipe(z.string().max(5_000, { message: 'tooLong' })).default(''),
  }),
  async handler({ tx, actor, input, membership, audit }) {
    const moved = await applyAnomalyTransition(tx, {
      projectId: membership.projectId,
      anomalyId: input.id,
      to: input.to,
      role: membership.role,
      actorId: actor.id,
      reason: input.reason,
      revision: input.revision,
    });
    await audit({
      entity: 'anomaly',
      entityId: input.id,
      action: 'status',
      before: { ref: formatRef('anomaly', moved.number), ...moved.before },
      after: moved.after,
    });
    return { revision: moved.revision, status: input.to };
  },
  after: revalidateProject,
});

/** A comment in the anomaly's history (Markdown, shown sanitized). It changes no field, so no revision moves. */
export const commentAnomaly = projectAction({
  name: 'commentAnomaly',
  permission: 'project.comment',
  input: inProject.extend({
    id: z.uuid(),
    body: z.string().transform(normalizeText).pipe(z.string().trim().min(1, { message: 'required' }).max(20_000, { message: 'tooLong' })),
  }),
  async handler({ tx, actor, input, membership, audit }) {
    const [anomaly] = await tx
      .select({ id: anomalies.id, number: anomalies.number })
      .from(anomalies)
      .where(and(eq(anomalies.id, input.id), eq(anomalies.projectId, membership.projectId)));
    if (!anomaly) throw new ActionError('not_found');
    const [event] = await tx
      .insert(anomalyEvents)
      .values({ anomalyId: anomaly.id, kind: 'comment', body: input.body, actorId: actor.id })
      .returning({ id: anomalyEvents.id });
    await audit({ entity: 'anomaly', entityId: anomaly.id, action: 'comment', after: { ref: formatRef('anomaly', anomaly.number), body: input.body } });
    return { id: event!.id };
  },
  after: revalidateProject,
});

/** Assigns the anomaly to a member who works on the project, or to nobody. The team that handles anomalies decides. */
export const assignAnomaly = projectAction({
  name: 'assignAnomaly',
  permission: 'tests.write',
  input: inProject.extend({ id: z.uuid(), revision: versionSchema, assigneeId: optionalId }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const current = await lockAnomaly(tx, membership.projectId, input.id);
    if (current.revision !== input.revision) throw new ActionError('conflict', 'staleVersion');
    if (current.assigneeId === input.assigneeId) {
      nothingChanged();
      return { revision: current.revision };
    }
    await checkAssignee(tx, membership.projectId, input.assigneeId);
    const [updated] = await tx
      .update(anomalies)
      .set({ assigneeId: input.assigneeId, revision: current.revision + 1, updatedAt: new Date() })
      .where(eq(anomalies.id, current.id))
      .returning({ revision: anomalies.revision });
    await tx.insert(anomalyEvents).values({ anomalyId: current.id, kind: 'updated', body: 'assigneeId', actorId: actor.id });
    await audit({
      entity: 'anomaly',
      entityId: current.id,
      action: 'assign',
      before: { ref: formatRef('anomaly', current.number), assigneeId: current.assigneeId },
      after: { assigneeId: input.assigneeId },
    });
    await noticeAnomalyAssigned(
      tx,
      { projectId: membership.projectId, actorId: actor.id, anomalyId: current.id, number: current.number, title: current.title },
      input.assigneeId,
    );
    return { revision: updated!.revision };
  },
  after: revalidateProject,
});

const specificationLink = inProject.extend({ id: z.uuid(), specificationId: z.uuid() });

async function changeSpecificationLink(
  tx: Transaction,
  projectId: string,
  actorId: string,
  input: z.output<typeof specificationLink>,
  link: boolean,
) {
  const current = await lockAnomaly(tx, projectId, input.id);
  const [specification] = await checkSpecifications(tx, projectId, [input.specificationId]);
  const rows = link
    ? await tx
        .insert(anomalySpecifications)
        .values({ anomalyId: current.id, specificationId: specification!.id })
        .onConflictDoNothing()
        .returning({ id: anomalySpecifications.specificationId })
    : await tx
        .delete(anomalySpecifications)
        .where(and(eq(anomalySpecifications.anomalyId, current.id), eq(anomalySpecifications.specificationId, specification!.id)))
        .returning({ id: anomalySpecifications.specificationId });
  if (rows.length === 0) throw link ? new ActionError('conflict', 'alreadyLinked') : new ActionError('not_found');
  const [updated] = await tx
    .update(anomalies)
    .set({ revision: sql`${anomalies.revision} + 1`, updatedAt: new Date() })
    .where(eq(anomalies.id, current.id))
    .returning({ revision: anomalies.revision });
  await tx.insert(anomalyEvents).values({ anomalyId: current.id, kind: 'updated', body: 'specifications', actorId });
  return {
    current,
    specification: formatRef('specification', specification!.number),
    revision: updated!.revision,
  };
}

/** Links a specification the anomaly shows a gap in (besides those its test case verifies). */
export const linkAnomalySpecification = projectAction({
  name: 'linkAnomalySpecification',
  permission: 'tests.execute',
  input: specificationLink,
  async handler({ tx, actor, input, membership, audit }) {
    const done = await changeSpecificationLink(tx, membership.projectId, actor.id, input, true);
    await audit({
      entity: 'anomaly',
      entityId: done.current.id,
      action: 'link_specification',
      after: { ref: formatRef('anomaly', done.current.number), specification: done.specification },
    });
    return { revision: done.revision };
  },
  after: revalidateProject,
});

export const unlinkAnomalySpecification = projectAction({
  name: 'unlinkAnomalySpecification',
  permission: 'tests.execute',
  input: specificationLink,
  async handler({ tx, actor, input, membership, audit }) {
    const done = await changeSpecificationLink(tx, membership.projectId, actor.id, input, false);
    await audit({
      entity: 'anomaly',
      entityId: done.current.id,
      action: 'unlink_specification',
      before: { ref: formatRef('anomaly', done.current.number), specification: done.specification },
      after: { specification: null },
    });
    return { revision: done.revision };
  },
  after: revalidateProject,
});
