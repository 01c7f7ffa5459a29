'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { recordSpecificationVersion, type SpecificationSnapshot } from '@/db/queries/versioned-items';
import { specifications } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { SPECIFICATION_CONTENT_FIELDS, SPECIFICATION_STATUSES, canMoveSpecification, statusAfterEdit } from '@/lib/specifications/model';
import { specificationFieldsSchema } from '@/lib/specifications/schema';
import { REF_PREFIXES, formatRef } from '@/lib/traceability/refs';
import { diffFields } from '@/lib/versioning/diff';

const inProject = z.object({ projectKey: projectKeySchema });

function snapshotOf(row: SpecificationSnapshot): SpecificationSnapshot {
  return { title: row.title, body: row.body, category: row.category, status: row.status };
}

async function lockSpecification(
  tx: Transaction,
  projectId: string,
  id: string,
  version: number,
  proposed?: Omit<SpecificationSnapshot, 'status'>,
) {
  const [current] = await tx
    .select()
    .from(specifications)
    .where(and(eq(specifications.id, id), eq(specifications.projectId, projectId)))
    .for('update');
  if (!current) throw new ActionError('not_found');
  if (current.version !== version) {
    throw new ActionError('conflict', 'staleVersion', undefined, {
      currentVersion: current.version,
      // The person proposed content, not a status: compare their text with the saved one under the saved status.
      changes: proposed
        ? diffFields({ ...proposed, status: current.status }, snapshotOf(current), SPECIFICATION_CONTENT_FIELDS).filter((d) => d.changed)
        : [],
    });
  }
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
    await recordSpecificationVersion(tx, created!.id, 1, fields, actor.id);
    const ref = formatRef('specification', number);
    await audit({ entity: 'specification', entityId: created!.id, action: 'create', after: { ref, ...fields } });
    return { id: created!.id, number, ref };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Saves the text of a specification against the version the author loaded. Any change makes a new version; an
 * approved specification goes back to draft (its approval was for the previous text); a superseded one is frozen.
 */
export const updateSpecification = projectAction({
  name: 'updateSpecification',
  permission: 'specifications.write',
  input: inProject.extend(specificationFieldsSchema.shape).extend({ id: z.uuid(), version: versionSchema }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const current = await lockSpecification(tx, membership.projectId, input.id, input.version, {
      title: input.title,
      body: input.body,
      category: input.category,
    });
    const status = statusAfterEdit(current.status);
    if (!status) throw new ActionError('conflict', 'specificationFrozen');
    const before = snapshotOf(current);
    const after: SpecificationSnapshot = { title: input.title, body: input.body, category: input.category, status };
    const changed = diffFields(before, after, SPECIFICATION_CONTENT_FIELDS).filter((d) => d.changed && d.field !== 'status');
    if (changed.length === 0) {
      nothingChanged();
      return { version: current.version, status: current.status };
    }
    const version = current.version + 1;
    await tx
      .update(specifications)
      .set({ ...after, version, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(specifications.id, current.id));
    await recordSpecificationVersion(tx, current.id, version, after, actor.id);
    await audit({
      entity: 'specification',
      entityId: current.id,
      action: 'update',
      before: { ref: formatRef('specification', current.number), version: current.version, ...before },
      after: { version, ...after },
    });
    return { version, status };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/** Moves a specification through its review workflow; the content, and so the version, stay as they are. */
export const changeSpecificationStatus = projectAction({
  name: 'changeSpecificationStatus',
  permission: 'specifications.write',
  input: inProject.extend({ id: z.uuid(), version: versionSchema, status: z.enum(SPECIFICATION_STATUSES) }),
  async handler({ tx, actor, input, membership, audit }) {
    const current = await lockSpecification(tx, membership.projectId, input.id, input.version);
    if (!canMoveSpecification(current.status, input.status)) {
      throw new ActionError('conflict', 'statusTransition');
    }
    await tx
      .update(specifications)
      .set({ status: input.status, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(specifications.id, current.id));
    await audit({
      entity: 'specification',
      entityId: current.id,
      action: 'change_status',
      before: { ref: formatRef('specification', current.number), status: current.status },
      after: { status: input.status },
    });
    return { version: current.version, status: input.status };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
