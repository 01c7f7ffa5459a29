import type { CampaignStatus, ExecutionStatus } from './campaign-model';

/** planifiée → en cours → clôturée; a campaign starts with its first run or by hand, and never reopens. */
export function canMoveCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return (from === 'planned' && (to === 'in_progress' || to === 'closed')) || (from === 'in_progress' && to === 'closed');
}

export interface ClosableItem {
  latestStatus: ExecutionStatus | null;
  notRunReason: string | null;
}

/**
 * A campaign closes only when every item is settled: its latest run has a result, or it was set "non exécuté" with
 * a reason. Returns the items that still hold it open.
 */
export function itemsBlockingClose<T extends ClosableItem>(items: readonly T[]): T[] {
  return items.filter((item) => {
    if (item.notRunReason?.trim()) return false;
    return item.latestStatus === null || item.latestStatus === 'in_progress';
  });
}
