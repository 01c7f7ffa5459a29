import { getDb, type Executor } from '@/db/client';
import { FINAL_ACCEPTANCE_SUBJECT, findGoLive, listFinalDecisions, vsrContent, vsrState } from '@/db/queries/go-live';
import { findRelease } from '@/db/queries/readiness';
import { nextRefNumber } from '@/db/queries/refs';
import { finalAcceptanceRecords, goLiveRecords, goNoGoRecords, releaseCampaigns, releaseChecklistItems, releases, signatures } from '@/db/schema';
import { proposeDecision, type ReadinessInputs } from '@/lib/signoff/decision';
import { RELEASE_NUMBER_SERIES } from '@/lib/signoff/readiness-model';
import { contentHash } from '@/lib/signoff/canonical';
import type { GoNoGoContent, ReadinessSnapshot } from '@/lib/signoff/readiness-snapshot';

/** A release of the project grouping `campaigns`, at revision 1. */
export async function createReleaseRow(project: { id: string }, campaigns: { id: string }[] = [], options: { name?: string } = {}, db: Executor = getDb()) {
  const number = await nextRefNumber(db, project.id, RELEASE_NUMBER_SERIES);
  const [row] = await db
    .insert(releases)
    .values({ projectId: project.id, number, name: options.name ?? `Version ${number}`, version: `1.${number}.0` })
    .returning({ id: releases.id, number: releases.number, revision: releases.revision });
  if (campaigns.length) await db.insert(releaseCampaigns).values(campaigns.map((c) => ({ releaseId: row!.id, campaignId: c.id, projectId: project.id })));
  return row!;
}

export async function createChecklistItemRow(project: { id: string }, release: { id: string }, label = 'Plan de retour arrière validé', db: Executor = getDb()) {
  const [row] = await db
    .insert(releaseChecklistItems)
    .values({ projectId: project.id, releaseId: release.id, position: 0, label })
    .returning({ id: releaseChecklistItems.id, revision: releaseChecklistItems.revision });
  return row!;
}

/** A go / no-go record as the action writes it, over a small snapshot of its own (its hash matches its content). */
export async function createGoNoGoRecordRow(
  project: { id: string; key: string },
  release: { id: string; number: number },
  recorder: { id: string; name?: string },
  db: Executor = getDb(),
) {
  const inputs: ReadinessInputs = {
    thresholds: { maxBlocking: 0, maxMajor: 3 },
    openAnomalies: { blocking: 0, major: 1, minor: 0 },
    mustHave: { total: 1, uncovered: 0, unverified: 0 },
    suspectLinks: 0,
    campaigns: { total: 1, open: 0 },
    checklist: { total: 1, unsettled: 0 },
    baseline: { number: 1, approval: 'approved' },
    reservations: { open: 0, overdue: 0 },
  };
  const { decision, criteria } = proposeDecision(inputs);
  const snapshot: ReadinessSnapshot = {
    project: { key: project.key, name: 'Projet', client: 'Client' },
    release: { number: release.number, name: `Version ${release.number}`, version: '1.0.0', targetDate: '2026-04-06', scope: '' },
    thresholds: inputs.thresholds,
    inputs,
    criteria,
    proposedDecision: decision,
    campaigns: [{ number: 1, name: 'VABF', type: 'vabf', environment: 'Recette', build: '1.0.0', status: 'closed', closedAt: null, results: { total: 1, passed: 1, failed: 0, blocked: 0, notRun: 0, pending: 0 } }],
    openAnomalies: [{ number: 1, title: 'Anomalie', severity: 'major', status: 'new' }],
    requirementGaps: [],
    checklist: [{ label: 'Plan de retour arrière validé', status: 'done', owner: null, evidenceUrl: '' }],
  };
  const recordedAt = new Date('2026-04-01T08:30:00.000Z');
  const content: GoNoGoContent = { snapshot, decision, reason: '', participants: [{ userId: recorder.id, name: recorder.name ?? 'Participant', role: 'moa' }], recordedBy: recorder.id, recordedAt: recordedAt.toISOString() };
  const [row] = await db
    .insert(goNoGoRecords)
    .values({
      projectId: project.id,
      releaseId: release.id,
      proposedDecision: decision,
      decision,
      reason: '',
      participants: content.participants,
      snapshot,
      snapshotHash: contentHash(content),
      recordedBy: recorder.id,
      recordedAt,
    })
    .returning({ id: goNoGoRecords.id, snapshotHash: goNoGoRecords.snapshotHash });
  return row!;
}

/** A release decided GO by a record `signer` signed (written directly, as signGoNoGo leaves it): ready to go live. */
export async function createSignedGoRow(project: { id: string; key: string }, signer: { id: string; name: string }, db: Executor = getDb()) {
  const release = await createReleaseRow(project, [], {}, db);
  const record = await createGoNoGoRecordRow(project, release, signer, db);
  const content = { signed: record.snapshotHash };
  await db.insert(signatures).values({
    projectId: project.id,
    signerId: signer.id,
    signerName: signer.name,
    signerRole: 'moa',
    meaning: 'go',
    subjectKind: 'go_no_go',
    subjectId: record.id,
    subjectVersion: 1,
    content,
    contentHash: contentHash(content),
  });
  return { release, goNoGoRecord: record };
}

/**
 * A release that went live `daysAgo` days ago after a signed GO, with a VSR of `vsrDays`: the state the recette
 * définitive starts from.
 */
export async function createGoLiveRow(
  project: { id: string; key: string },
  signer: { id: string; name: string },
  options: { daysAgo?: number; vsrDays?: number } = {},
  db: Executor = getDb(),
) {
  const { release, goNoGoRecord: record } = await createSignedGoRow(project, signer, db);
  const deployedAt = new Date(Date.now() - (options.daysAgo ?? 40) * 86_400_000);
  const [row] = await db
    .insert(goLiveRecords)
    .values({
      projectId: project.id,
      releaseId: release.id,
      goNoGoRecordId: record.id,
      deployedAt,
      versionDeployed: '1.0.0',
      deployedBy: 'Équipe d’exploitation',
      runbook: [{ label: 'Déploiement de la version', doneAt: deployedAt.toISOString() }],
      vsrDays: options.vsrDays ?? 30,
      recordedBy: signer.id,
    })
    .returning({ id: goLiveRecords.id });
  return { release, goNoGoRecord: record, goLive: row!, deployedAt };
}

/** What the go-live page shows the MOA to sign: the VSR content with its period number and hash, computed now. */
export async function vsrShown(project: { id: string }, releaseNumber: number, db: Executor = getDb()) {
  const release = (await findRelease(db, project.id, releaseNumber))!;
  const goLive = (await findGoLive(db, project.id, release.id))!;
  const state = vsrState(goLive, await listFinalDecisions(db, goLive.id));
  const content = await vsrContent(db, project.id, release, goLive, state);
  return { shownVersion: state.number, shownHash: contentHash(content), content };
}

/** A recette définitive signed by `signer` over the VSR its page showed (written directly, as decideFinalAcceptance leaves it). */
export async function createFinalAcceptanceRow(project: { id: string; key: string }, signer: { id: string; name: string }, db: Executor = getDb()) {
  const { release, goLive } = await createGoLiveRow(project, signer, { daysAgo: 40 }, db);
  const { content, shownHash } = await vsrShown(project, release.number, db);
  const [signature] = await db
    .insert(signatures)
    .values({ projectId: project.id, signerId: signer.id, signerName: signer.name, signerRole: 'moa', meaning: 'approved', subjectKind: FINAL_ACCEPTANCE_SUBJECT, subjectId: goLive.id, subjectVersion: 1, content, contentHash: shownHash })
    .returning({ id: signatures.id });
  const [row] = await db
    .insert(finalAcceptanceRecords)
    .values({ projectId: project.id, goLiveId: goLive.id, period: 1, decision: 'accepted', content, contentHash: shownHash, signatureId: signature!.id, recordedBy: signer.id })
    .returning({ id: finalAcceptanceRecords.id });
  return row!;
}
