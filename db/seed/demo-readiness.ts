import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { campaigns, goLiveRecords, goNoGoRecords, projects, releaseCampaigns, releaseChecklistItems, releases, signatures, users } from '@/db/schema';
import { canonicalJson, contentHash } from '@/lib/signoff/canonical';
import { proposeDecision, type ReadinessInputs } from '@/lib/signoff/decision';
import { DEFAULT_VSR_DAYS, RUNBOOK_TEMPLATE } from '@/lib/signoff/go-live';
import { CHECKLIST_TEMPLATE, DEFAULT_THRESHOLDS, GO_NO_GO_SUBJECT, GO_NO_GO_VERSION, RELEASE_NUMBER_SERIES, type ChecklistStatus } from '@/lib/signoff/readiness-model';
import type { GoNoGoContent, ReadinessSnapshot } from '@/lib/signoff/readiness-snapshot';
import { catalogues } from '@/messages/catalogues';
import { coverRefNumbers } from './demo-campaigns';

type People = { amoe: string; amoa: string; moa: string };

const DAY = 24 * 3_600_000;

/** Where the demo's checklist stands three weeks before go-live: some done with their evidence, some still to do. */
const CHECKLIST: Record<(typeof CHECKLIST_TEMPLATE)[number], { status: ChecklistStatus; owner: keyof People | null; evidenceUrl: string }> = {
  rollbackPlan: { status: 'done', owner: 'amoe', evidenceUrl: 'https://ged.groupe-exemple.fr/paie/plan-retour-arriere-v2.pdf' },
  runbook: { status: 'in_progress', owner: 'amoe', evidenceUrl: '' },
  training: { status: 'todo', owner: 'amoa', evidenceUrl: '' },
  dataMigrationRehearsal: { status: 'done', owner: 'amoe', evidenceUrl: 'https://ged.groupe-exemple.fr/paie/repetition-reprise-2.html' },
  performanceTests: { status: 'todo', owner: 'amoe', evidenceUrl: '' },
  supportReady: { status: 'todo', owner: 'moa', evidenceUrl: '' },
};

/**
 * The demo's release: the go-live of lot 1, grouping recette campaigns 3 (closed) and 4 (still running) with their
 * anomalies, so its page proposes a real decision from the demo's own data (NO-GO while the bloquantes are open).
 */
export async function seedDemoReadiness(tx: Transaction, projectId: string, people: People, now = new Date()): Promise<{ releases: number }> {
  const scoped = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.projectId, projectId), inArray(campaigns.number, [3, 4])));
  const target = new Date(now.getTime() + 21 * 24 * 3_600_000).toISOString().slice(0, 10);
  const [release] = await tx
    .insert(releases)
    .values({
      projectId,
      number: 1,
      name: 'Mise en production lot 1 — paie',
      version: '1.5.0',
      targetDate: target,
      scope: 'Calcul de la paie, bulletins dématérialisés et DSN mensuelle pour les 4 200 agents du siège.',
      createdBy: people.amoe,
    })
    .returning({ id: releases.id });
  await tx.insert(releaseCampaigns).values(scoped.map((c) => ({ releaseId: release!.id, campaignId: c.id, projectId })));
  await tx.insert(releaseChecklistItems).values(
    CHECKLIST_TEMPLATE.map((key, position) => {
      const item = CHECKLIST[key];
      return {
        projectId,
        releaseId: release!.id,
        position,
        label: catalogues.fr.readiness.checklistTemplate[key],
        status: item.status,
        ownerId: item.owner ? people[item.owner] : null,
        evidenceUrl: item.evidenceUrl,
      };
    }),
  );
  await coverRefNumbers(tx, projectId, RELEASE_NUMBER_SERIES, 1);
  return { releases: 1 };
}

/**
 * The demo's second release, already in production: the portal of lot 0, decided GO over the closed campaign 3 and
 * signed by the MOA, deployed 35 days ago with a 30-day VSR now over, so the MOA's go-live page asks for the
 * recette définitive. Its go / no-go snapshot is frozen as it stood then (every criterion met).
 */
export async function seedDemoGoLive(tx: Transaction, projectId: string, people: People & { owner: string }, now = new Date()): Promise<{ goLives: number }> {
  const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.projectId, projectId), eq(campaigns.number, 3)));
  const [project] = await tx.select({ key: projects.key, name: projects.name, client: projects.client }).from(projects).where(eq(projects.id, projectId));
  const release = { number: 2, name: 'Portail agents — lot 0', version: '1.4.0', scope: 'Consultation des bulletins par les agents.' };
  const deployedAt = new Date(now.getTime() - 35 * DAY);
  const decidedAt = new Date(deployedAt.getTime() - 2 * DAY);
  const [row] = await tx
    .insert(releases)
    .values({ projectId, ...release, targetDate: deployedAt.toISOString().slice(0, 10), createdBy: people.amoe, createdAt: new Date(decidedAt.getTime() - 10 * DAY) })
    .returning({ id: releases.id });
  await tx.insert(releaseCampaigns).values({ releaseId: row!.id, campaignId: campaign!.id, projectId });
  const inputs: ReadinessInputs = {
    thresholds: { ...DEFAULT_THRESHOLDS },
    openAnomalies: { blocking: 0, major: 0, minor: 0 },
    mustHave: { total: 0, uncovered: 0, unverified: 0 },
    suspectLinks: 0,
    campaigns: { total: 1, open: 0 },
    checklist: { total: 0, unsettled: 0 },
    baseline: { number: 1, approval: 'approved_with_reservations' },
    reservations: { open: 0, overdue: 0 },
  };
  const { decision, criteria } = proposeDecision(inputs);
  const snapshot: ReadinessSnapshot = {
    project: project!,
    release: { ...release, targetDate: deployedAt.toISOString().slice(0, 10) },
    thresholds: inputs.thresholds,
    inputs,
    criteria,
    proposedDecision: decision,
    campaigns: [],
    openAnomalies: [],
    requirementGaps: [],
    checklist: [],
  };
  const [moa] = await tx.select({ name: users.name }).from(users).where(eq(users.id, people.moa));
  const [owner] = await tx.select({ name: users.name }).from(users).where(eq(users.id, people.owner));
  const participants = [
    { userId: people.moa, name: moa!.name, role: 'moa' },
    { userId: people.owner, name: owner!.name, role: 'owner' },
  ];
  const content: GoNoGoContent = { snapshot, decision, reason: '', participants, recordedBy: people.owner, recordedAt: decidedAt.toISOString() };
  const hash = contentHash(content);
  const [record] = await tx
    .insert(goNoGoRecords)
    .values({ projectId, releaseId: row!.id, proposedDecision: decision, decision, participants, snapshot, snapshotHash: hash, recordedBy: people.owner, recordedAt: decidedAt })
    .returning({ id: goNoGoRecords.id });
  await tx.insert(signatures).values({
    projectId,
    signerId: people.moa,
    signerName: moa!.name,
    signerRole: 'moa',
    signedAt: new Date(decidedAt.getTime() + 3_600_000),
    meaning: 'go',
    subjectKind: GO_NO_GO_SUBJECT,
    subjectId: record!.id,
    subjectVersion: GO_NO_GO_VERSION,
    content: sql`${canonicalJson(content)}::jsonb`,
    contentHash: hash,
  });
  const at = (minutes: number) => new Date(deployedAt.getTime() + minutes * 60_000).toISOString();
  await tx.insert(goLiveRecords).values({
    projectId,
    releaseId: row!.id,
    goNoGoRecordId: record!.id,
    deployedAt,
    versionDeployed: release.version,
    deployedBy: 'Équipe d’exploitation (astreinte)',
    runbook: RUNBOOK_TEMPLATE.map((key, i) => ({ label: catalogues.fr.readiness.goLive.runbookTemplate[key], doneAt: at(-60 + i * 20) })),
    vsrDays: DEFAULT_VSR_DAYS,
    recordedBy: people.amoe,
    recordedAt: new Date(deployedAt.getTime() + 2 * 3_600_000),
  });
  await coverRefNumbers(tx, projectId, RELEASE_NUMBER_SERIES, 2);
  return { goLives: 1 };
}
