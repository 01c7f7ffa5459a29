'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { recordVersion } from '@/db/queries/versioned-items';
import { specifications } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { SPECIFICATION_STATUSES, canMoveSpecification, statusAfterEdit } from '@/lib/specifications/model';
import { specificationFieldsSchema, specificationVersionRule, type SpecificationSnapshot } from '@/lib/specifications/schema';
import { REF_PREFIXES, formatRef } from '@/lib/traceability/refs';
import { planSave } from '@/lib/versioning/save';

const inProject = z.object({ projectKey: projectKeySchema });

function snapshotOf(row: SpecificationSnapshot): SpecificationSnapshot {
  return { title: row.title, body: row.body, category: row.category, status: row.status };
}

async function lockSpecification(tx: Transaction, projectId: string, id: string) {
  const [current] = await tx
    .select()
    .from(specifications)
    .where(and(eq(specifications.id, id), eq(specifications.projectId, projectId)))
    .for('update');
  if (!current) throw new ActionError('not_found');
  return current;
}

export const createSpecification = projectAction({
  name: 'createSpecification',
  permission: 'specifications.write',
  input: inProject.extend(specificationFieldsSchema.shape),
  async handler({ tx, actor, input, membership, audit }) {
    const number = await nextRefNumber(tx, membership.projectId, REF_PREFIXES.specification);
    const fields: SpecificationSnapshot = { title: input.title, body: input.body, category: input.category, status: 'draft' };
    const [created] = await tx
      .insert(specifications)
      .values({ ...fields, projectId: membership.projectId, number, createdBy: actor.id, updatedBy: actor.id })
      .returning({ id: specifications.id });
    await recordVersion(tx, 'specification', created!.id, 1, fields, actor.id);
    const ref = formatRef('specification', number);
    await audit({ entity: 'specification', entityId: created!.id, action: 'create', after: { ref, ...fields } });
    return { id: created!.id, number, ref };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Saves the text of a specification against the revision the author loaded (lib/versioning/save.ts). A text change
 * makes a new version; an approved specification goes back to draft (its approval was for the previous text); a
 * superseded one is frozen. Saving the text unchanged changes nothing, the status included.
 */
export const updateSpecification = projectAction({
  name: 'updateSpecification',
  permission: 'specifications.write',
  input: inProject.extend(specificationFieldsSchema.shape).extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const current = await lockSpecification(tx, membership.projectId, input.id);
    const before = snapshotOf(current);
    // The author proposes text, not a status: compare it under the saved status first.
    const text: SpecificationSnapshot = { title: input.title, body: input.body, category: input.category, status: current.status };
    const plan = planSave({ ...current, snapshot: before }, input.revision, text, specificationVersionRule);
    if (plan.outcome === 'conflict') throw new ActionError('conflict', 'staleVersion', undefined, plan.details);
    if (plan.outcome === 'unchanged') {
      nothingChanged();
      return { version: plan.version, revision: plan.revision, status: current.status };
    }
    const status = statusAfterEdit(current.status);
    if (!status) throw new ActionError('conflict', 'specificationFrozen');
    const after: SpecificationSnapshot = { ...text, status };
    const { version, revision } = plan;
    await tx
      .update(specifications)
      .set({ ...after, version, revision, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(specifications.id, current.id));
    await recordVersion(tx, 'specification', current.id, version, after, actor.id);
    await audit({
      entity: 'specification',
      entityId: current.id,
      action: 'update',
      before: { ref: formatRef('specification', current.number), version: current.version, ...before },
      after: { version, ...after },
    });
    return { version, revision, status };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Moves a specification through its review workflow against the revision shown: the content, and so the version,
 * stay as they are, but the revision moves, so a text save from before the move is a conflict.
 */
export const changeSpecificationStatus = projectAction({
  name: 'changeSpecificationStatus',
  permission: 'specifications.write',
  input: inProject.extend({ id: z.uuid(), revision: versionSchema, status: z.enum(SPECIFICATION_STATUSES) }),
  async handler({ tx, actor, input, membership, audit }) {
    const current = await lockSpecification(tx, membership.projectId, input.id);
    const before = snapshotOf(current);
    const plan = planSave({ ...current, snapshot: before }, input.revision, { ...before, status: input.status }, specificationVersionRule);
    if (plan.outcome === 'conflict') throw new ActionError('conflict', 'staleVersion', undefined, plan.details);
    if (plan.outcome === 'unchanged' || !canMoveSpecification(current.status, input.status)) {
      throw new ActionError('conflict', 'statusTransition');
    }
    await tx
      .update(specifications)
      .set({ status: input.status, revision: plan.revision, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(specifications.id, current.id));
    await audit({
      entity: 'specification',
      entityId: current.id,
      action: 'change_status',
      before: { ref: formatRef('specification', current.number), status: current.status },
      after: { status: input.status },
    });
    return { version: current.version, revision: plan.revision, status: input.status };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
