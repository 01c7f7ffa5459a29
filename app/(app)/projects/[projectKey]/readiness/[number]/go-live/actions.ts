'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { loadRaci } from '@/db/queries/approvals';
import { FINAL_ACCEPTANCE_SUBJECT, findGoLive, latestGoNoGo, listFinalDecisions, vsrContent, vsrState } from '@/db/queries/go-live';
import { findRelease } from '@/db/queries/readiness';
import { sign } from '@/db/queries/signatures';
import { finalAcceptanceRecords, goLiveRecords, releases } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { clientAddress } from '@/lib/http/client-address';
import { parisLocalToInstant } from '@/lib/i18n/paris-time';
import { projectKeySchema } from '@/lib/projects/schemas';
import { contentHash } from '@/lib/signoff/canonical';
import { finalDecisionErrors, mayGoLive, vsrOver } from '@/lib/signoff/go-live';
import type { RunbookStep } from '@/lib/signoff/go-live-content';
import { finalDecisionShape, goLiveShape } from '@/lib/signoff/go-live-schema';
import { signatureFields } from '@/lib/signoff/schema';

const inProject = z.object({ projectKey: projectKeySchema });

function revalidateReadiness(projectKey: string) {
  revalidatePath(`/projects/${projectKey}/readiness`, 'layout');
}

/** The release of the project, locked for the write; another project's is "not found". */
async function lockedRelease(tx: Transaction, projectId: string, releaseId: string) {
  const [row] = await tx
    .select({ number: releases.number })
    .from(releases)
    .where(and(eq(releases.id, releaseId), eq(releases.projectId, projectId)))
    .for('update');
  if (!row) throw new ActionError('not_found');
  return (await findRelease(tx, projectId, row.number))!;
}

/** The runbook's steps with their execution times (Paris date-times typed in the form), blank steps dropped. */
function runbookOf(labels: readonly string[], doneAt: readonly string[]): RunbookStep[] {
  const steps: RunbookStep[] = [];
  labels.forEach((label, i) => {
    if (!label) return;
    const typed = doneAt[i] ?? '';
    const instant = typed ? parisLocalToInstant(typed) : null;
    if (typed && !instant) throw new ActionError('invalid', 'invalid', { runbookDoneAt: ['invalid'] });
    steps.push({ label, doneAt: instant?.toISOString() ?? null });
  });
  return steps;
}

/**
 * La mise en production: recorded once per release, after a go / no-go that decided GO and stands signed (the order
 * of DESIGN.md §3). It opens the VSR period.
 */
export const recordGoLive = projectAction({
  name: 'recordGoLive',
  permission: 'tests.write',
  input: inProject.extend(goLiveShape).extend({ releaseId: z.uuid() }),
  async handler({ tx, actor, input, membership, audit }) {
    const release = await lockedRelease(tx, membership.projectId, input.releaseId);
    const latest = await latestGoNoGo(tx, release.id);
    if (!latest || !mayGoLive(latest)) throw new ActionError('conflict', 'goLiveWithoutSignedGo');
    if (await findGoLive(tx, membership.projectId, release.id)) throw new ActionError('conflict', 'goLiveRecorded');
    const runbook = runbookOf(input.runbookLabels, input.runbookDoneAt);
    const values = {
      deployedAt: input.deployedAt,
      versionDeployed: input.versionDeployed,
      deployedBy: input.deployedBy,
      runbook,
      rollback: input.rollback,
      vsrDays: input.vsrDays,
    };
    const [created] = await tx
      .insert(goLiveRecords)
      .values({ ...values, projectId: membership.projectId, releaseId: release.id, goNoGoRecordId: latest.id, recordedBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: goLiveRecords.id });
    // A parallel first record of the same release: the unique index let one through.
    if (!created) throw new ActionError('conflict', 'goLiveRecorded');
    await audit({ entity: 'go_live_record', entityId: created.id, action: 'create', after: { release: release.number, ...values, deployedAt: values.deployedAt.toISOString() } });
    return { id: created.id };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});

/**
 * The MOA's decision at the end of the VSR period, signed with the one sign(): the recette définitive, or an
 * ajournement with its reason and a new period. What is signed is the VSR content the page showed (the go-live,
 * the period, the production anomalies); it is kept with the decision, append-only. One decision per period.
 */
export const decideFinalAcceptance = projectAction({
  name: 'decideFinalAcceptance',
  permission: 'approvals.decide',
  input: inProject.extend(finalDecisionShape).extend({ releaseId: z.uuid(), ...signatureFields }),
  async handler({ tx, actor, input, membership, audit }) {
    const fieldErrors = finalDecisionErrors(input);
    if (fieldErrors) throw new ActionError('invalid', 'invalid', fieldErrors);
    const release = await lockedRelease(tx, membership.projectId, input.releaseId);
    const goLive = await findGoLive(tx, membership.projectId, release.id);
    if (!goLive) throw new ActionError('not_found');
    const raci = await loadRaci(tx, membership.projectId);
    if (!raci.resolve('go_no_go').approvers.includes(actor.id)) throw new ActionError('forbidden', 'notApprover');
    const state = vsrState(goLive, await listFinalDecisions(tx, goLive.id));
    if (state.accepted) throw new ActionError('conflict', 'finalAcceptanceDone');
    if (!vsrOver(state.period, new Date())) throw new ActionError('conflict', 'vsrNotOver');
    const content = await vsrContent(tx, membership.projectId, release, goLive, state);
    const { signature, created } = await sign(tx, {
      actor,
      membership,
      password: input.password,
      address: clientAddress(await headers()),
      meaning: input.decision === 'accepted' ? 'approved' : 'rejected',
      reason: input.reason,
      subject: { kind: FINAL_ACCEPTANCE_SUBJECT, id: goLive.id, version: state.number, content },
      seen: { version: input.shownVersion, hash: input.shownHash },
      audit,
    });
    // Signed twice (a double submission): the first submission wrote the decision, this one writes nothing.
    if (!created) throw new ActionError('conflict', 'finalAcceptanceDone');
    const [record] = await tx
      .insert(finalAcceptanceRecords)
      .values({
        projectId: membership.projectId,
        goLiveId: goLive.id,
        period: state.number,
        decision: input.decision,
        reason: input.reason,
        newPeriodDays: input.decision === 'adjourned' ? input.newPeriodDays : null,
        content,
        contentHash: contentHash(content),
        signatureId: signature.id,
        recordedBy: actor.id,
      })
      .returning({ id: finalAcceptanceRecords.id });
    await audit({
      entity: 'final_acceptance_record',
      entityId: record!.id,
      action: 'create',
      after: { release: release.number, period: state.number, decision: input.decision, newPeriodDays: input.newPeriodDays, signature: signature.id },
    });
    return { id: record!.id };
  },
  after(_data, input) {
    revalidateReadiness(input.projectKey);
  },
});
