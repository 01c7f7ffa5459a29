'use server';

import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { checkedCampaignFields, closingStates, insertCampaign, lockOpenCampaign } from '@/db/queries/campaigns';
import { campaignItems, campaigns, executions, projectMembers, requirements, specifications, testCases } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { rolesAllowed } from '@/lib/auth/roles';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { campaignShape, notRunReasonSchema, type CampaignFields } from '@/lib/recette/campaign-schema';
import { canMoveCampaign, itemsBlockingClose } from '@/lib/recette/campaign-rules';
import { normalizeFolder } from '@/lib/recette/model';
import { parseRef, type RefKind } from '@/lib/traceability/refs';

const inProject = z.object({ projectKey: projectKeySchema });
/** One bulk call handles at most a page of items and then some: the page shows 100 at a time. */
const MAX_ITEMS_PER_CALL = 500;

function revalidateCampaigns(projectKey: string) {
  revalidatePath(`/projects/${projectKey}/campaigns`, 'layout');
}

export const createCampaign = projectAction({
  name: 'createCampaign',
  permission: 'tests.write',
  input: inProject.extend(campaignShape),
  async handler({ tx, actor, input, membership, audit }) {
    const { campaign, fields } = await insertCampaign(tx, membership.projectId, actor.id, input);
    await audit({ entity: 'campaign', entityId: campaign.id, action: 'create', after: { number: campaign.number, ...fields } });
    return { id: campaign.id, number: campaign.number };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});

/** Campaign writes check the revision the person loaded: a save over a newer one is a conflict, nothing overwritten. */
function checkRevision(current: { revision: number }, loaded: number) {
  if (current.revision !== loaded) throw new ActionError('conflict', 'staleVersion', undefined, { currentRevision: current.revision });
}

export const updateCampaign = projectAction({
  name: 'updateCampaign',
  permission: 'tests.write',
  input: inProject.extend(campaignShape).extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, input, membership, audit, nothingChanged }) {
    const after = checkedCampaignFields(input);
    const locked = await lockOpenCampaign(tx, membership.projectId, input.id);
    checkRevision(locked, input.revision);
    const [current] = await tx.select().from(campaigns).where(eq(campaigns.id, locked.id));
    const before: CampaignFields = {
      name: current!.name,
      type: current!.type,
      environment: current!.environment,
      build: current!.build,
      description: current!.description,
      plannedStart: current!.plannedStart,
      plannedEnd: current!.plannedEnd,
    };
    const changed = (Object.keys(after) as (keyof CampaignFields)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) {
      nothingChanged();
      return { revision: locked.revision, changed };
    }
    const revision = locked.revision + 1;
    await tx.update(campaigns).set({ ...after, revision, updatedAt: new Date() }).where(eq(campaigns.id, locked.id));
    await audit({ entity: 'campaign', entityId: locked.id, action: 'update', before: { number: locked.number, ...before }, after });
    return { revision, changed };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});

const statusInput = inProject.extend({ id: z.uuid(), revision: versionSchema });

/** planifiée → en cours by hand (the runner also starts a campaign with its first run). */
export const startCampaign = projectAction({
  name: 'startCampaign',
  permission: 'tests.write',
  input: statusInput,
  async handler({ tx, input, membership, audit }) {
    const locked = await lockOpenCampaign(tx, membership.projectId, input.id);
    checkRevision(locked, input.revision);
    if (!canMoveCampaign(locked.status, 'in_progress')) throw new ActionError('conflict', 'campaignAlreadyStarted');
    const revision = locked.revision + 1;
    await tx.update(campaigns).set({ status: 'in_progress', startedAt: new Date(), revision, updatedAt: new Date() }).where(eq(campaigns.id, locked.id));
    await audit({ entity: 'campaign', entityId: locked.id, action: 'start', before: { status: locked.status }, after: { status: 'in_progress' } });
    return { revision, status: 'in_progress' as const };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});

/**
 * Clôture: refused while any item is neither executed nor set "non exécuté" with a reason. The exclusive row lock
 * and the revision make two closes take turns: the second finds the campaign closed (or its revision moved) and is
 * a conflict.
 */
export const closeCampaign = projectAction({
  name: 'closeCampaign',
  permission: 'tests.write',
  input: statusInput,
  async handler({ tx, actor, input, membership, audit }) {
    const locked = await lockOpenCampaign(tx, membership.projectId, input.id);
    checkRevision(locked, input.revision);
    const blocking = itemsBlockingClose(await closingStates(tx, locked.id));
    if (blocking.length > 0) throw new ActionError('conflict', 'campaignItemsOpen', undefined, { total: blocking.length });
    const revision = locked.revision + 1;
    const now = new Date();
    await tx.update(campaigns).set({ status: 'closed', closedAt: now, closedBy: actor.id, revision, updatedAt: now }).where(eq(campaigns.id, locked.id));
    await audit({ entity: 'campaign', entityId: locked.id, action: 'close', before: { status: locked.status }, after: { status: 'closed' } });
    return { revision, status: 'closed' as const };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});

const refText = z.string().trim().min(1, { message: 'required' }).max(40, { message: 'tooLong' });
const scopeInput = z.discriminatedUnion('by', [
  inProject.extend({ campaignId: z.uuid(), by: z.literal('testCase'), ref: refText }),
  inProject.extend({ campaignId: z.uuid(), by: z.literal('requirement'), ref: refText }),
  inProject.extend({ campaignId: z.uuid(), by: z.literal('specification'), ref: refText }),
  inProject.extend({ campaignId: z.uuid(), by: z.literal('tag'), tag: z.string().trim().toLowerCase().min(1, { message: 'required' }).max(40, { message: 'tooLong' }) }),
  inProject.extend({
    campaignId: z.uuid(),
    by: z.literal('folder'),
    folder: z.string().max(300, { message: 'tooLong' }).transform(normalizeFolder).pipe(z.string().min(1, { message: 'required' })),
  }),
  inProject.extend({ campaignId: z.uuid(), by: z.literal('all') }),
]);
type ScopeInput = z.output<typeof scopeInput>;

/** The id of the item a reference names (CT-3, EXF-2, STD-4) in the project; a wrong kind or an unknown one is refused. */
async function resolveRef(tx: Transaction, projectId: string, kind: Extract<RefKind, 'testCase' | 'requirement' | 'specification'>, text: string) {
  const parsed = parseRef(text);
  if (parsed?.kind !== kind) throw new ActionError('invalid', 'invalid', { ref: ['campaign.refKind'] });
  const table = { testCase: testCases, requirement: requirements, specification: specifications }[kind];
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.projectId, projectId), eq(table.number, parsed.number)));
  if (!row) throw new ActionError('invalid', 'invalid', { ref: ['campaign.refUnknown'] });
  return row.id;
}

/** Which of the project's test cases a scope method selects, as a condition on `test_cases tc`. */
async function scopeCondition(tx: Transaction, projectId: string, input: ScopeInput): Promise<SQL> {
  switch (input.by) {
    case 'testCase':
      return sql`tc.id = ${await resolveRef(tx, projectId, 'testCase', input.ref)}`;
    case 'requirement': {
      const id = await resolveRef(tx, projectId, 'requirement', input.ref);
      // Its test cases directly, and those of the specifications answering it.
      return sql`tc.id in (
        select l.downstream_id from trace_links l where l.project_id = ${projectId} and l.kind = 'requirement_test_case' and l.upstream_id = ${id}
        union
        select st.downstream_id from trace_links rs
        join trace_links st on st.upstream_id = rs.downstream_id and st.kind = 'specification_test_case'
        where rs.project_id = ${projectId} and rs.kind = 'requirement_specification' and rs.upstream_id = ${id})`;
    }
    case 'specification': {
      const id = await resolveRef(tx, projectId, 'specification', input.ref);
      return sql`tc.id in (select l.downstream_id from trace_links l where l.project_id = ${projectId} and l.kind = 'specification_test_case' and l.upstream_id = ${id})`;
    }
    case 'tag':
      return sql`tc.tags @> array[${input.tag}]::text[]`;
    case 'folder':
      return sql`(tc.folder = ${input.folder} or tc.folder like ${`${input.folder.replace(/[\\%_]/g, '\\$&')}/%`})`;
    case 'all':
      return sql`true`;
  }
}

/**
 * Adds test cases to a campaign's scope in one INSERT … SELECT: those already in scope are skipped, the others come
 * after the current items (folder by folder), each planned at the test case's current version.
 */
export const addToScope = projectAction({
  name: 'addToScope',
  permission: 'tests.write',
  input: scopeInput,
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const campaign = await lockOpenCampaign(tx, membership.projectId, input.campaignId);
    const condition = await scopeCondition(tx, membership.projectId, input);
    const result = (await tx.execute(sql`
      insert into campaign_items (project_id, campaign_id, test_case_id, planned_version, position, added_by)
      select tc.project_id, ${campaign.id}, tc.id, tc.version,
             (select coalesce(max(ci.position), 0) from campaign_items ci where ci.campaign_id = ${campaign.id})
               + row_number() over (order by tc.folder, tc.number),
             ${actor.id}
      from test_cases tc
      where tc.project_id = ${membership.projectId}
        and ${condition}
        and not exists (select 1 from campaign_items ci where ci.campaign_id = ${campaign.id} and ci.test_case_id = tc.id)
      on conflict (campaign_id, test_case_id) do nothing
      returning id
    `)) as unknown;
    const added = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).length;
    if (added === 0) {
      nothingChanged();
      return { added };
    }
    const { projectKey: _key, campaignId: _id, ...criterion } = input;
    await audit({ entity: 'campaign', entityId: campaign.id, action: 'scope_add', after: { ...criterion, added } });
    return { added };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});

const itemIds = z.array(z.uuid()).min(1, { message: 'required' }).max(MAX_ITEMS_PER_CALL, { message: 'tooLong' });
/** Forms send one field per ticked box (several values under one name) or, with a single box, a plain string. */
const itemIdsField = z.union([z.uuid().transform((id) => [id]), itemIds]).pipe(itemIds);

/** Removes items not yet run; an item with executions keeps its history and stays (set it "non exécuté" instead). */
export const removeFromScope = projectAction({
  name: 'removeFromScope',
  permission: 'tests.write',
  input: inProject.extend({ campaignId: z.uuid(), itemIds: itemIdsField }),
  async handler({ tx, input, membership, audit }) {
    const campaign = await lockOpenCampaign(tx, membership.projectId, input.campaignId);
    const inCampaign = and(eq(campaignItems.campaignId, campaign.id), inArray(campaignItems.id, input.itemIds));
    const [run] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(executions)
      .where(and(eq(executions.campaignId, campaign.id), inArray(executions.campaignItemId, input.itemIds)));
    if (run!.count > 0) throw new ActionError('conflict', 'campaignItemExecuted');
    const removed = await tx.delete(campaignItems).where(inCampaign).returning({ id: campaignItems.id, testCaseId: campaignItems.testCaseId });
    if (removed.length !== new Set(input.itemIds).size) throw new ActionError('not_found');
    await audit({ entity: 'campaign', entityId: campaign.id, action: 'scope_remove', before: { testCaseIds: removed.map((r) => r.testCaseId) } });
    return { removed: removed.length };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});

/**
 * Assigns items to a tester (a member allowed to run executions), or unassigns them with an empty assignee.
 * Setting an assignee is not a read-modify-write of what the person saw, so it carries no revision; it still moves
 * each item's revision so a "non exécuté" form opened before is refused.
 */
export const assignItems = projectAction({
  name: 'assignItems',
  permission: 'tests.write',
  input: inProject.extend({
    campaignId: z.uuid(),
    itemIds: itemIdsField,
    assigneeId: z.union([z.uuid(), z.literal('').transform(() => null), z.null()]),
  }),
  async handler({ tx, input, membership, audit }) {
    const campaign = await lockOpenCampaign(tx, membership.projectId, input.campaignId, 'share');
    if (input.assigneeId) {
      const [tester] = await tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(
          and(
            eq(projectMembers.projectId, membership.projectId),
            eq(projectMembers.userId, input.assigneeId),
            inArray(projectMembers.role, [...rolesAllowed('tests.execute')]),
          ),
        );
      if (!tester) throw new ActionError('invalid', 'invalid', { assigneeId: ['campaign.assigneeNotTester'] });
    }
    const inScope = and(eq(campaignItems.campaignId, campaign.id), inArray(campaignItems.id, input.itemIds));
    // The journal keeps who each item was assigned to before, so an assignment can be traced and undone.
    const previous = await tx.select({ id: campaignItems.id, assigneeId: campaignItems.assigneeId }).from(campaignItems).where(inScope).for('update');
    if (previous.length !== new Set(input.itemIds).size) throw new ActionError('not_found');
    const updated = await tx
      .update(campaignItems)
      .set({ assigneeId: input.assigneeId, revision: sql`${campaignItems.revision} + 1` })
      .where(inScope)
      .returning({ id: campaignItems.id });
    await audit({
      entity: 'campaign',
      entityId: campaign.id,
      action: 'assign',
      before: { items: previous },
      after: { assigneeId: input.assigneeId, items: updated.map((item) => item.id) },
    });
    return { assigned: updated.length };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});

const itemInput = inProject.extend({ itemId: z.uuid(), revision: versionSchema });

/**
 * The item and its campaign, locked: the campaign shared (and refused once closed), the item for update. Its latest
 * execution's status is read under that lock: a run being written holds the item's row until it commits (the
 * database keeps that status on the item, migration 0027), so it is waited for, then seen.
 */
async function lockItem(tx: Transaction, projectId: string, itemId: string, revision: number) {
  const [item] = await tx
    .select({ id: campaignItems.id, campaignId: campaignItems.campaignId, revision: campaignItems.revision, notRunReason: campaignItems.notRunReason })
    .from(campaignItems)
    .where(and(eq(campaignItems.id, itemId), eq(campaignItems.projectId, projectId)));
  if (!item) throw new ActionError('not_found');
  await lockOpenCampaign(tx, projectId, item.campaignId, 'share');
  const [current] = await tx
    .select({ revision: campaignItems.revision, latestStatus: campaignItems.latestStatus })
    .from(campaignItems)
    .where(eq(campaignItems.id, item.id))
    .for('update');
  checkRevision(current!, revision);
  return { ...item, latestStatus: current!.latestStatus };
}

/** "Non exécuté": the item closes without a run, with its reason. An item whose latest run has a result keeps it. */
export const setItemNotRun = projectAction({
  name: 'setItemNotRun',
  permission: 'tests.write',
  input: itemInput.extend({ reason: notRunReasonSchema }),
  async handler({ tx, input, membership, audit }) {
    const item = await lockItem(tx, membership.projectId, input.itemId, input.revision);
    if (item.latestStatus !== null && item.latestStatus !== 'in_progress') throw new ActionError('conflict', 'campaignItemExecuted');
    const revision = input.revision + 1;
    await tx.update(campaignItems).set({ notRunReason: input.reason, revision }).where(eq(campaignItems.id, item.id));
    await audit({ entity: 'campaign_item', entityId: item.id, action: 'not_run', before: { notRunReason: item.notRunReason }, after: { notRunReason: input.reason } });
    return { revision };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});

export const clearItemNotRun = projectAction({
  name: 'clearItemNotRun',
  permission: 'tests.write',
  input: itemInput,
  async handler({ tx, input, membership, audit, nothingChanged }) {
    const item = await lockItem(tx, membership.projectId, input.itemId, input.revision);
    if (item.notRunReason === null) {
      nothingChanged();
      return { revision: input.revision };
    }
    const revision = input.revision + 1;
    await tx.update(campaignItems).set({ notRunReason: null, revision }).where(eq(campaignItems.id, item.id));
    await audit({ entity: 'campaign_item', entityId: item.id, action: 'clear_not_run', before: { notRunReason: item.notRunReason }, after: { notRunReason: null } });
    return { revision };
  },
  after(_data, input) {
    revalidateCampaigns(input.projectKey);
  },
});
