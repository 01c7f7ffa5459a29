import { CHECKLIST_STATUSES, CHECKLIST_TEMPLATE, type ChecklistStatus } from '@/lib/signoff/readiness-model';
import type { PlannedPerson } from './planned-items';
import type { Random } from './random';
import type { PlannedCampaign } from './recette';

/**
 * The large project's release: its go-live groups every campaign but the planned one (closed and running ones, so
 * the readiness page reads all the recette data there is), with the default checklist at various stages.
 */
export interface PlannedRelease {
  id: string;
  number: number;
  name: string;
  version: string;
  targetDate: string;
  scope: string;
  campaignIds: string[];
  checklist: { id: string; position: number; template: (typeof CHECKLIST_TEMPLATE)[number]; status: ChecklistStatus; ownerId: string }[];
}

export function planRelease(random: Random, campaigns: readonly PlannedCampaign[], people: readonly PlannedPerson[]): PlannedRelease {
  const team = people.filter((p) => p.role === 'owner' || p.role === 'amoe');
  const latest = campaigns.reduce((max, c) => (c.plannedEnd > max ? c.plannedEnd : max), '2026-01-01');
  return {
    id: random.uuid(),
    number: 1,
    name: 'Mise en production du programme — lot 1',
    version: '2.10.0',
    targetDate: latest,
    scope: 'Toutes les campagnes du lot 1, sauf la campagne planifiée.',
    campaignIds: campaigns.filter((c) => c.status !== 'planned').map((c) => c.id),
    checklist: CHECKLIST_TEMPLATE.map((template, position) => ({
      id: random.uuid(),
      position,
      template,
      status: CHECKLIST_STATUSES[random.int(0, CHECKLIST_STATUSES.length - 1)]!,
      ownerId: team[position % team.length]!.id,
    })),
  };
}
