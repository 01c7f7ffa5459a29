'use server';

import { and, eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { noticeRequirementChanged } from '@/db/queries/requirement-notices';
import { recordVersion } from '@/db/queries/versioned-items';
import { requirements } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { requirementFieldsSchema, requirementSnapshot, requirementVersionRule } from '@/lib/requirements/schema';
import { REF_PREFIXES, formatRef } from '@/lib/traceability/refs';
import { planSave } from '@/lib/versioning/save';

const inProject = z.object({ projectKey: projectKeySchema });

/**
 * A parent must be a requirement of the same project, and not the requirement itself or one of its descendants.
 * Moves within a project are serialized by a transaction-scoped advisory lock taken before the chain is read, so two
 * concurrent moves (A under B, B under A) cannot both pass the check; the walk stops on a cycle should one exist.
 */
function lockRequirementTree(tx: Transaction, projectId: string) {
  return tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`requirement-tree:${projectId}`}, 0))`);
}

async function checkParent(tx: Transaction, projectId: string, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  if (selfId) await lockRequirementTree(tx, projectId);
  const rows = await tx.execute<{ id: string }>(sql`
    with recursive ancestors(id, parent_id) as (
      select id, parent_id from requirements where id = ${parentId} and project_id = ${projectId}
      union all
      select r.id, r.parent_id from requirements r join ancestors a on r.id = a.parent_id
    ) cycle id set in_cycle using path
    select id from ancestors where not in_cycle`);
  const chain = (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
  if (chain.length === 0) throw new ActionError('invalid', 'invalid', { parentId: ['requirement.parentUnknown'] });
  if (selfId && chain.includes(selfId)) throw new ActionError('invalid', 'invalid', { parentId: ['requirement.parentCycle'] });
}

export const createRequirement = projectAction({
  name: 'createRequirement',
  permission: 'requirements.write',
  input: inProject.extend(requirementFieldsSchema.shape),
  async handler({ tx, actor, input, membership, audit }) {
    await checkParent(tx, membership.projectId, input.parentId);
    const number = await nextRefNumber(tx, membership.projectId, REF_PREFIXES.requirement);
    const fields = requirementSnapshot(input);
    const [created] = await tx
      .insert(requirements)
      .values({ ...fields, projectId: membership.projectId, number, createdBy: actor.id, updatedBy: actor.id })
      .returning({ id: requirements.id });
    await recordVersion(tx, 'requirement', created!.id, 1, fields, actor.id);
    const ref = formatRef('requirement', number);
    await audit({ entity: 'requirement', entityId: created!.id, action: 'create', after: { ref, ...fields } });
    return { id: created!.id, number, ref };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Saves a requirement against the revision the person loaded (lib/versioning/save.ts). A newer revision in the
 * database is a conflict whose details show what changed meanwhile; nothing is overwritten. Content changes make a
 * new version (which is what makes the specifications' links suspect); a status-only change keeps the version.
 */
export const updateRequirement = projectAction({
  name: 'updateRequirement',
  permission: 'requirements.write',
  input: inProject.extend(requirementFieldsSchema.shape).extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const mine = and(eq(requirements.id, input.id), eq(requirements.projectId, membership.projectId));
    // A move takes the tree lock before the row lock: the other way round, two crossed moves deadlock (each holds
    // its row, and the foreign-key check of the new parent waits on the other's).
    const [seen] = await tx.select({ parentId: requirements.parentId }).from(requirements).where(mine);
    if (seen && input.parentId && input.parentId !== seen.parentId) await lockRequirementTree(tx, membership.projectId);
    const [current] = await tx.select().from(requirements).where(mine).for('update');
    if (!current) throw new ActionError('not_found');
    const before = requirementSnapshot(current);
    const after = requirementSnapshot(input);
    const plan = planSave({ ...current, snapshot: before }, input.revision, after, requirementVersionRule);
    if (plan.outcome === 'conflict') throw new ActionError('conflict', 'staleVersion', undefined, plan.details);
    if (plan.outcome === 'unchanged') {
      nothingChanged();
      return { version: plan.version, revision: plan.revision, changed: [] as string[] };
    }
    if (after.parentId !== before.parentId) await checkParent(tx, membership.projectId, after.parentId, current.id);
    const { version, revision, changed } = plan;
    await tx
      .update(requirements)
      .set({ ...after, version, revision, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(requirements.id, current.id));
    if (plan.newVersion) await recordVersion(tx, 'requirement', current.id, version, after, actor.id);
    await audit({
      entity: 'requirement',
      entityId: current.id,
      action: 'update',
      before: { ref: formatRef('requirement', current.number), version: current.version, ...before },
      after: { version, ...after },
    });
    if (plan.newVersion) {
      await noticeRequirementChanged(tx, { projectId: membership.projectId, actorId: actor.id, requirementId: current.id, number: current.number, version });
    }
    return { version, revision, changed };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
