'use server';

import { and, eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { recordRequirementVersion, type RequirementSnapshot } from '@/db/queries/versioned-items';
import { requirements } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { REQUIREMENT_CONTENT_FIELDS } from '@/lib/requirements/model';
import { requirementFieldsSchema, type RequirementFields } from '@/lib/requirements/schema';
import { REF_PREFIXES, formatRef } from '@/lib/traceability/refs';
import { diffFields } from '@/lib/versioning/diff';

const inProject = z.object({ projectKey: projectKeySchema });

function snapshotOf(row: RequirementFields): RequirementSnapshot {
  return {
    title: row.title,
    statement: row.statement,
    rationale: row.rationale,
    acceptanceCriteria: row.acceptanceCriteria,
    priority: row.priority,
    status: row.status,
    source: row.source,
    tags: row.tags,
    parentId: row.parentId,
  };
}

/** A parent must be a requirement of the same project, and not the requirement itself or one of its descendants. */
async function checkParent(tx: Transaction, projectId: string, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  const rows = await tx.execute<{ id: string }>(sql`
    with recursive ancestors(id, parent_id) as (
      select id, parent_id from requirements where id = ${parentId} and project_id = ${projectId}
      union all
      select r.id, r.parent_id from requirements r join ancestors a on r.id = a.parent_id
    )
    select id from ancestors`);
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
    const fields = snapshotOf(input);
    const [created] = await tx
      .insert(requirements)
      .values({ ...fields, projectId: membership.projectId, number, createdBy: actor.id, updatedBy: actor.id })
      .returning({ id: requirements.id });
    await recordRequirementVersion(tx, created!.id, 1, fields, actor.id);
    const ref = formatRef('requirement', number);
    await audit({ entity: 'requirement', entityId: created!.id, action: 'create', after: { ref, ...fields } });
    return { id: created!.id, number, ref };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Saves a requirement against the version the person loaded. A newer version in the database is a conflict whose
 * details show what changed meanwhile; nothing is overwritten. Content changes make a new version (which is what
 * makes the specifications' links suspect); a status-only change keeps the version.
 */
export const updateRequirement = projectAction({
  name: 'updateRequirement',
  permission: 'requirements.write',
  input: inProject.extend(requirementFieldsSchema.shape).extend({ id: z.uuid(), version: versionSchema }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const [current] = await tx
      .select()
      .from(requirements)
      .where(and(eq(requirements.id, input.id), eq(requirements.projectId, membership.projectId)))
      .for('update');
    if (!current) throw new ActionError('not_found');
    const before = snapshotOf(current);
    const after = snapshotOf(input);
    if (current.version !== input.version) {
      throw new ActionError('conflict', 'staleVersion', undefined, {
        currentVersion: current.version,
        changes: diffFields(after, before, REQUIREMENT_CONTENT_FIELDS).filter((d) => d.changed),
      });
    }
    await checkParent(tx, membership.projectId, after.parentId, current.id);
    const changed = diffFields(before, after, REQUIREMENT_CONTENT_FIELDS).filter((d) => d.changed).map((d) => d.field);
    if (changed.length === 0) {
      nothingChanged();
      return { version: current.version, changed };
    }
    const contentChanged = changed.some((field) => field !== 'status');
    const version = contentChanged ? current.version + 1 : current.version;
    await tx
      .update(requirements)
      .set({ ...after, version, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(requirements.id, current.id));
    if (contentChanged) await recordRequirementVersion(tx, current.id, version, after, actor.id);
    await audit({
      entity: 'requirement',
      entityId: current.id,
      action: 'update',
      before: { ref: formatRef('requirement', current.number), version: current.version, ...before },
      after: { version, ...after },
    });
    return { version, changed };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
