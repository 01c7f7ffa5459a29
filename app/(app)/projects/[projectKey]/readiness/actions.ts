'use server';

import { and, eq, inArray, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { notify } from '@/db/queries/notifications';
import { nextRefNumber } from '@/db/queries/refs';
import { loadRaci } from '@/db/queries/approvals';
import { findGoNoGoRecord, findRelease, GO_NO_GO_SUBJECT, GO_NO_GO_VERSION, recordContent, releaseReadiness } from '@/db/queries/readiness';
import { sign, standingSignatureOf } from '@/db/queries/signatures';
import {
  campaigns,
  goNoGoRecords,
  projectMembers,
  readinessThresholds,
  releaseCampaigns,
  releaseChecklistItems,
  releases,
  users,
} from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { clientAddress } from '@/lib/http/client-address';
import type { Locale } from '@/lib/i18n/locales';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { CHECKLIST_TEMPLATE, RELEASE_NUMBER_SERIES } from '@/lib/signoff/readiness-model';
import { goNoGoSignedRecipients } from '@/lib/notifications/recipients';
import { contentHash } from '@/lib/signoff/canonical';
import type { GoNoGoContent, GoNoGoParticipant } from '@/lib/signoff/readiness-snapshot';
import { checklistShape, goNoGoFieldErrors, goNoGoShape, releaseShape, thresholdShape, type ReleaseFields } from '@/lib/signoff/release-schema';
import { signatureFields } from '@/lib/signoff/schema';
import { catalogues } from '@/messages/catalogues';

const inProject = z.object({ projectKey: projectKeySchema });

function revalidateReadiness(projectKey: string) {
  revalidatePath(`/projects/${projectKey}/readiness`, 'layout');
}

/** Locks a release of the project for a write; another project's release is "not found". */
async function lockRelease(tx: Transaction, projectId: string, releaseId: string) {
  const [row] = await tx
    .select({ id: releases.id, number: releases.number, revision: releases.revision })
    .from(releases)
    .where(and(eq(releases.id, releaseId), eq(releases.projectId, projectId)))
    .for('update');
  if (!row) throw new ActionError('not_found');
  return row;
}

function checkRevision(current: { revision: number }, loaded: number) {
  if (current.revision !== loaded) throw new ActionError('conflict', 'staleVersion', undefined, { currentRevision: current.revision });
}

/** The campaigns named, all of this project (one foreign or unknown id and nothing is saved). */
async function projectCampaigns(tx: Transaction, projectId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return [];
  const found = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.projectId, projectId), inArray(campaigns.id, unique)));
  if (found.length !== unique.length) throw new ActionError('not_found');
  return unique;
}

/** A member of this project (a checklist owner, a participant); anyone else is "not found". */
async function projectMembersOf(tx: Transaction, projectId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx
    .select({ userId: users.id, name: users.name, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, unique)));
  if (rows.length !== unique.length) throw new ActionError('not_found');
  return rows;
}

function templateLabel(locale: Locale, key: (typeof CHECKLIST_TEMPLATE)[number]): string {
  return catalogues[locale].readiness.checklistTemplate[key];
}

function fieldsOf(input: ReleaseFields): ReleaseFields {
  return { name: input.name, version: input.version, targetDate: input.targetDate, scope: input.scope };
}

/** A new release, with its campaigns and the default checklist (in the creator's language). */
export const createRelease = projectAction({
  name: 'createRelease',
  permission: 'tests.write',
  input: inProject.extend(releaseShape),
  async handler({ tx, actor, input, membership, audit, locale }) {
    const fields = fieldsOf(input);
    const campaignIds = await projectCampaigns(tx, membership.projectId, input.campaignIds);
    const number = await nextRefNumber(tx, membership.projectId, RELEASE_NUMBER_SERIES);
    const [created] = await tx
      .insert(releases)
      .values({ ...fields, projectId: membership.projectId, number, createdBy: actor.id })
      .returning({ id: releases.id });
    const releaseId = created!.id;
    if (campaignIds.length) {
      await tx.insert(releaseCampaigns).values(campaignIds.map((campaignId) => ({ releaseId, campaignId, projectId: membership.projectId })));
    }
    const checklist = CHECKLIST_TEMPLATE.map((key, position) => ({
      projectId: membership.projectId,
      releaseId,
      position,
      label: templateLabel(locale, key),
    }));
    await tx.insert(releaseChecklistItems).values(checklist);
    await audit({ entity: 'release', entityId: releaseId, action: 'create', after: { number, ...fields, campaignIds } });
    return { number };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

export const updateRelease = projectAction({
  name: 'updateRelease',
  permission: 'tests.write',
  input: inProject.extend(releaseShape).extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, input, membership, audit, nothingChanged }) {
    const locked = await lockRelease(tx, membership.projectId, input.id);
    checkRevision(locked, input.revision);
    const after = fieldsOf(input);
    const campaignIds = await projectCampaigns(tx, membership.projectId, input.campaignIds);
    const current = (await findRelease(tx, membership.projectId, locked.number))!;
    const before = { ...fieldsOf(current), campaignIds: [...current.campaignIds].sort() };
    const fieldsChanged = (Object.keys(after) as (keyof ReleaseFields)[]).filter((k) => after[k] !== before[k]);
    const campaignsChanged = campaignIds.join(',') !== before.campaignIds.join(',');
    if (fieldsChanged.length === 0 && !campaignsChanged) {
      nothingChanged();
      return { revision: locked.revision };
    }
    const revision = locked.revision + 1;
    await tx.update(releases).set({ ...after, revision, updatedAt: new Date() }).where(eq(releases.id, locked.id));
    if (campaignsChanged) {
      await tx.delete(releaseCampaigns).where(eq(releaseCampaigns.releaseId, locked.id));
      if (campaignIds.length) {
        await tx.insert(releaseCampaigns).values(campaignIds.map((campaignId) => ({ releaseId: locked.id, campaignId, projectId: membership.projectId })));
      }
    }
    await audit({ entity: 'release', entityId: locked.id, action: 'update', before: { number: locked.number, ...before }, after: { ...after, campaignIds } });
    return { revision };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

/** A release without a go / no-go record may go; once one is recorded, the release is part of the project's record. */
export const deleteRelease = projectAction({
  name: 'deleteRelease',
  permission: 'tests.write',
  input: inProject.extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, input, membership, audit }) {
    const locked = await lockRelease(tx, membership.projectId, input.id);
    checkRevision(locked, input.revision);
    const [recorded] = await tx.select({ id: goNoGoRecords.id }).from(goNoGoRecords).where(eq(goNoGoRecords.releaseId, locked.id)).limit(1);
    if (recorded) throw new ActionError('conflict', 'releaseRecorded');
    await tx.delete(releases).where(eq(releases.id, locked.id));
    await audit({ entity: 'release', entityId: locked.id, action: 'delete', before: { number: locked.number } });
    return { number: locked.number };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

/** The project's go-live thresholds of open anomalies (owner only). */
export const updateReadinessThresholds = projectAction({
  name: 'updateReadinessThresholds',
  permission: 'project.manage',
  input: inProject.extend(thresholdShape).extend({ revision: versionSchema }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const [current] = await tx
      .select({ maxBlocking: readinessThresholds.maxBlocking, maxMajor: readinessThresholds.maxMajor, revision: readinessThresholds.revision })
      .from(readinessThresholds)
      .where(eq(readinessThresholds.projectId, membership.projectId))
      .for('update');
    // The defaults stand for revision 1 until the first save.
    const revisionNow = current?.revision ?? 1;
    checkRevision({ revision: revisionNow }, input.revision);
    const after = { maxBlocking: input.maxBlocking, maxMajor: input.maxMajor };
    if (current && current.maxBlocking === after.maxBlocking && current.maxMajor === after.maxMajor) {
      nothingChanged();
      return { revision: current.revision };
    }
    const revision = revisionNow + 1;
    // Before the first save there is no row to lock: of two first saves, the second meets the first's row here and
    // finds its revision moved on, so it is a conflict rather than an overwrite.
    const saved = await tx
      .insert(readinessThresholds)
      .values({ projectId: membership.projectId, ...after, revision, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: readinessThresholds.projectId,
        set: { ...after, revision, updatedBy: actor.id, updatedAt: new Date() },
        setWhere: eq(readinessThresholds.revision, revisionNow),
      })
      .returning({ revision: readinessThresholds.revision });
    if (saved.length === 0) throw new ActionError('conflict', 'staleVersion');
    await audit({
      entity: 'readiness_thresholds',
      entityId: membership.projectId,
      action: 'update',
      before: current ? { maxBlocking: current.maxBlocking, maxMajor: current.maxMajor } : null,
      after,
    });
    return { revision };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

export const addChecklistItem = projectAction({
  name: 'addChecklistItem',
  permission: 'tests.write',
  input: inProject.extend(checklistShape).extend({ releaseId: z.uuid() }),
  async handler({ tx, input, membership, audit }) {
    const release = await lockRelease(tx, membership.projectId, input.releaseId);
    if (input.ownerId) await projectMembersOf(tx, membership.projectId, [input.ownerId]);
    const [{ position }] = (await tx
      .select({ position: sql<number>`coalesce(max(${releaseChecklistItems.position}) + 1, 0)::int` })
      .from(releaseChecklistItems)
      .where(eq(releaseChecklistItems.releaseId, release.id))) as [{ position: number }];
    const values = { label: input.label, ownerId: input.ownerId, status: input.status, evidenceUrl: input.evidenceUrl };
    const [created] = await tx
      .insert(releaseChecklistItems)
      .values({ ...values, projectId: membership.projectId, releaseId: release.id, position })
      .returning({ id: releaseChecklistItems.id });
    await audit({ entity: 'release_checklist_item', entityId: created!.id, action: 'create', after: { release: release.number, ...values } });
    return { id: created!.id };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

async function lockChecklistItem(tx: Transaction, projectId: string, id: string) {
  const [row] = await tx
    .select({
      id: releaseChecklistItems.id,
      label: releaseChecklistItems.label,
      ownerId: releaseChecklistItems.ownerId,
      status: releaseChecklistItems.status,
      evidenceUrl: releaseChecklistItems.evidenceUrl,
      revision: releaseChecklistItems.revision,
    })
    .from(releaseChecklistItems)
    .where(and(eq(releaseChecklistItems.id, id), eq(releaseChecklistItems.projectId, projectId)))
    .for('update');
  if (!row) throw new ActionError('not_found');
  return row;
}

export const updateChecklistItem = projectAction({
  name: 'updateChecklistItem',
  permission: 'tests.write',
  input: inProject.extend(checklistShape).extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, input, membership, audit, nothingChanged }) {
    const current = await lockChecklistItem(tx, membership.projectId, input.id);
    checkRevision(current, input.revision);
    if (input.ownerId) await projectMembersOf(tx, membership.projectId, [input.ownerId]);
    const before = { label: current.label, ownerId: current.ownerId, status: current.status, evidenceUrl: current.evidenceUrl };
    const after = { label: input.label, ownerId: input.ownerId, status: input.status, evidenceUrl: input.evidenceUrl };
    if ((Object.keys(after) as (keyof typeof after)[]).every((k) => after[k] === before[k])) {
      nothingChanged();
      return { revision: current.revision };
    }
    const revision = current.revision + 1;
    await tx.update(releaseChecklistItems).set({ ...after, revision, updatedAt: new Date() }).where(eq(releaseChecklistItems.id, current.id));
    await audit({ entity: 'release_checklist_item', entityId: current.id, action: 'update', before, after });
    return { revision };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

export const removeChecklistItem = projectAction({
  name: 'removeChecklistItem',
  permission: 'tests.write',
  input: inProject.extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, input, membership, audit }) {
    const current = await lockChecklistItem(tx, membership.projectId, input.id);
    checkRevision(current, input.revision);
    await tx.delete(releaseChecklistItems).where(eq(releaseChecklistItems.id, current.id));
    await audit({ entity: 'release_checklist_item', entityId: current.id, action: 'delete', before: { label: current.label, status: current.status } });
    return { id: current.id };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

/**
 * The go / no-go meeting record: participants, the decision (a departure from the proposal needs a reason) and the
 * frozen snapshot of every criterion with its SHA-256. Refused while a campaign in scope is still open (the order:
 * the recette ends, then the decision), and when the proposal moved since the person loaded the page.
 */
export const recordGoNoGo = projectAction({
  name: 'recordGoNoGo',
  permission: 'tests.write',
  input: inProject.extend(goNoGoShape).extend({ releaseId: z.uuid() }),
  async handler({ tx, actor, input, membership, audit }) {
    const fieldErrors = goNoGoFieldErrors(input);
    if (fieldErrors) throw new ActionError('invalid', 'invalid', fieldErrors);
    const locked = await lockRelease(tx, membership.projectId, input.releaseId);
    const members = await projectMembersOf(tx, membership.projectId, input.participantIds);
    // Campaigns in scope are read under a share lock, so none closes or reopens while the snapshot is taken.
    await tx.select({ id: campaigns.id }).from(campaigns).innerJoin(releaseCampaigns, eq(releaseCampaigns.campaignId, campaigns.id))
      .where(eq(releaseCampaigns.releaseId, locked.id)).for('share', { of: campaigns });
    const release = (await findRelease(tx, membership.projectId, locked.number))!;
    const { snapshot } = await releaseReadiness(tx, membership.projectId, release);
    if (snapshot.inputs.campaigns.total === 0) throw new ActionError('conflict', 'releaseWithoutCampaigns');
    if (snapshot.inputs.campaigns.open > 0) {
      throw new ActionError('conflict', 'releaseCampaignsOpen');
    }
    if (snapshot.proposedDecision !== input.proposedDecision) {
      throw new ActionError('conflict', 'proposalChanged');
    }
    const order = new Map(input.participantIds.map((id, i) => [id, i]));
    const participants: GoNoGoParticipant[] = members
      .map((m) => ({ userId: m.userId, name: m.name, role: m.role }))
      .sort((a, b) => order.get(a.userId)! - order.get(b.userId)!);
    const recordedAt = new Date();
    const content: GoNoGoContent = {
      snapshot,
      decision: input.decision,
      reason: input.reason,
      participants,
      recordedBy: actor.id,
      recordedAt: recordedAt.toISOString(),
    };
    const snapshotHash = contentHash(content);
    const [created] = await tx
      .insert(goNoGoRecords)
      .values({
        projectId: membership.projectId,
        releaseId: locked.id,
        proposedDecision: snapshot.proposedDecision,
        decision: input.decision,
        reason: input.reason,
        participants,
        snapshot,
        snapshotHash,
        recordedBy: actor.id,
        recordedAt,
      })
      .returning({ id: goNoGoRecords.id });
    await audit({
      entity: 'go_no_go_record',
      entityId: created!.id,
      action: 'create',
      after: { release: locked.number, proposedDecision: snapshot.proposedDecision, decision: input.decision, snapshotHash },
    });
    return { id: created!.id };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

/**
 * An approver of the go / no-go (the project's RACI) signs a recorded meeting: password re-entered, the SHA-256 of
 * the frozen record they were shown (a record never changes, so a different hash is a forged or stale request).
 * The meaning follows the recorded decision: GO (with or without reservations) or NO-GO. Signing twice signs once.
 */
export const signGoNoGo = projectAction({
  name: 'signGoNoGo',
  permission: 'approvals.decide',
  input: inProject.extend({ goNoGoRecordId: z.uuid(), reason: z.string().trim().max(2000, { message: 'tooLong' }).default(''), ...signatureFields }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const record = await findGoNoGoRecord(tx, membership.projectId, input.goNoGoRecordId);
    if (!record) throw new ActionError('not_found');
    const raci = await loadRaci(tx, membership.projectId);
    if (!raci.resolve('go_no_go').approvers.includes(actor.id)) throw new ActionError('forbidden', 'notApprover');
    const given = await standingSignatureOf(tx, GO_NO_GO_SUBJECT, record.id, actor.id);
    if (given) {
      nothingChanged();
      return { id: given.id };
    }
    const { signature, created } = await sign(tx, {
      actor,
      membership,
      password: input.password,
      address: clientAddress(await headers()),
      meaning: record.decision === 'no_go' ? 'no_go' : 'go',
      reason: input.reason,
      subject: { kind: GO_NO_GO_SUBJECT, id: record.id, version: GO_NO_GO_VERSION, content: recordContent(record) },
      seen: { version: input.shownVersion, hash: input.shownHash },
      audit,
    });
    if (!created) {
      nothingChanged();
      return { id: signature.id };
    }
    const [release] = await tx.select({ number: releases.number }).from(releases).where(eq(releases.id, record.releaseId));
    await notify(
      tx,
      {
        projectId: membership.projectId,
        kind: 'go_no_go_signed',
        actorId: actor.id,
        path: `readiness/${release!.number}/go-no-go/${record.id}`,
        params: { ref: `#${release!.number}`, decision: record.decision },
      },
      goNoGoSignedRecipients(raci.resolve('go_no_go'), record.participants.map((p) => p.userId), actor.id),
    );
    return { id: signature.id };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});
