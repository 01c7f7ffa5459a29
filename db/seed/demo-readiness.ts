import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { campaigns, releaseCampaigns, releaseChecklistItems, releases } from '@/db/schema';
import { CHECKLIST_TEMPLATE, RELEASE_NUMBER_SERIES, type ChecklistStatus } from '@/lib/signoff/readiness-model';
import { catalogues } from '@/messages/catalogues';
import { coverRefNumbers } from './demo-campaigns';

type People = { amoe: string; amoa: string; moa: string };

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
