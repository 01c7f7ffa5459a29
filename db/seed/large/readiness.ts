import { auditEvents, refCounters, releaseCampaigns, releaseChecklistItems, releases } from '@/db/schema';
import { RELEASE_NUMBER_SERIES } from '@/lib/signoff/readiness-model';
import { catalogues } from '@/messages/catalogues';
import type { Generator } from './context';

/**
 * The release of each project (DESIGN.md §7: a capability that adds pages extends the generator): the large one
 * over its campaigns, with its checklist; the small one (no campaigns) with the default checklist, so the release
 * page is measured on both.
 */
export const readinessGenerator: Generator = {
  name: 'version et liste de contrôle',
  async run({ tx, plan, random, largeProjectId, smallProjectId, accounts }) {
    const { release } = plan;
    const label = (key: (typeof release.checklist)[number]['template']) => catalogues.fr.readiness.checklistTemplate[key];
    const small = { id: random.uuid(), number: 1 };
    await tx.insert(releases).values([
      {
        id: release.id,
        projectId: largeProjectId,
        number: release.number,
        name: release.name,
        version: release.version,
        targetDate: release.targetDate,
        scope: release.scope,
        createdBy: accounts.amoe.id,
      },
      { id: small.id, projectId: smallProjectId, number: small.number, name: 'Mise en production', version: '1.0.0', createdBy: accounts.amoe.id },
    ]);
    await tx.insert(releaseCampaigns).values(release.campaignIds.map((campaignId) => ({ releaseId: release.id, campaignId, projectId: largeProjectId })));
    await tx.insert(releaseChecklistItems).values([
      ...release.checklist.map((i) => ({
        id: i.id,
        projectId: largeProjectId,
        releaseId: release.id,
        position: i.position,
        label: label(i.template),
        status: i.status,
        ownerId: i.ownerId,
      })),
      ...release.checklist.map((i) => ({ projectId: smallProjectId, releaseId: small.id, position: i.position, label: label(i.template) })),
    ]);
    await tx.insert(refCounters).values([
      { projectId: largeProjectId, prefix: RELEASE_NUMBER_SERIES, lastNumber: release.number },
      { projectId: smallProjectId, prefix: RELEASE_NUMBER_SERIES, lastNumber: small.number },
    ]);
    await tx.insert(auditEvents).values([
      { actorId: accounts.amoe.id, projectId: largeProjectId, entity: 'release', entityId: release.id, action: 'create', after: { number: release.number, name: release.name } },
      { actorId: accounts.amoe.id, projectId: smallProjectId, entity: 'release', entityId: small.id, action: 'create', after: { number: small.number } },
    ]);
    return { releases: 2, 'release campaigns': release.campaignIds.length, 'checklist items': release.checklist.length * 2 };
  },
};
