import type { ExecutionResult } from './campaign-model';

/**
 * What a campaign item stands at, as the campaign_item_states view (migration 0012; since 0027 over the latest
 * execution stored on the item) computes it: pas encore lancé, en cours, réussi, échoué, bloqué, or non exécuté
 * (closed without a run, with a reason).
 */
export const ITEM_STATES = ['not_started', 'in_progress', 'passed', 'failed', 'blocked', 'not_run'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** The dashboard's progress buckets: réussi / échoué / bloqué / non exécuté, and what remains to run. */
export const PROGRESS_BUCKETS = ['passed', 'failed', 'blocked', 'not_run', 'remaining'] as const;
export type ProgressBucket = (typeof PROGRESS_BUCKETS)[number];
export type Progress = Record<ProgressBucket, number> & { total: number };

export function progressBucket(state: ItemState): ProgressBucket {
  return state === 'not_started' || state === 'in_progress' ? 'remaining' : state;
}

/** Counts per state (as the database groups them) folded into the progress buckets. */
export function progressOf(counts: readonly { state: ItemState; count: number }[]): Progress {
  const progress: Progress = { passed: 0, failed: 0, blocked: 0, not_run: 0, remaining: 0, total: 0 };
  for (const { state, count } of counts) {
    progress[progressBucket(state)] += count;
    progress.total += count;
  }
  return progress;
}

/** How a requirement fares in one campaign, from the states of the items that verify it. */
export const REQUIREMENT_CAMPAIGN_STATES = ['failed', 'blocked', 'passed', 'in_progress', 'not_started', 'not_run'] as const;
export type RequirementCampaignState = (typeof REQUIREMENT_CAMPAIGN_STATES)[number];

export type ItemStateCounts = Record<ItemState, number>;

/**
 * Any failure makes the requirement failed, then any block blocked; it is passed only when every item verifying it
 * passed (or, for some, was set "non exécuté" while the others passed: nothing that ran failed); not run at all when
 * every item was set "non exécuté"; in progress once something ran; otherwise not started.
 */
export function requirementCampaignState(counts: ItemStateCounts): RequirementCampaignState {
  if (counts.failed > 0) return 'failed';
  if (counts.blocked > 0) return 'blocked';
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0 || counts.not_run === total) return 'not_run';
  if (counts.passed > 0 && counts.passed + counts.not_run === total) return 'passed';
  if (counts.passed > 0 || counts.in_progress > 0) return 'in_progress';
  return 'not_started';
}

/** An item's latest result, when it has one. */
export function isResult(state: ItemState): state is ExecutionResult {
  return state === 'passed' || state === 'failed' || state === 'blocked';
}
