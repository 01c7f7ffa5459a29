import { pageBounds } from '@/lib/lists/page-window';
import type { StepStatus } from './campaign-model';

/**
 * Where the item list beside the runner stands: page `page` of `size` items (kept between the first and the last),
 * by default the page holding the current item, whose place in the campaign's order is `rank` (from 1). Only this
 * page is read: a campaign of 2,000 tests listed whole made the runner a multi-megabyte page, and reading every item
 * to show 50 was most of the page's time.
 */
export function runnerListPage(total: number, size: number, rank: number | null, page?: number) {
  return pageBounds(total, size, page ?? (rank === null ? 1 : Math.ceil(rank / size)));
}

/**
 * The runner's keyboard map: one letter per step status (réussi, échoué, bloqué, non applicable) and the moves.
 * Keys are react-hotkeys-hook combinations; the same table feeds the shortcuts and the help overlay.
 */
export const STEP_STATUS_KEYS: Record<StepStatus, string> = {
  passed: 'p',
  failed: 'f',
  blocked: 'b',
  not_applicable: 'n',
};

export const RUNNER_SHORTCUTS = {
  nextStep: ['j', 'down'],
  previousStep: ['k', 'up'],
  nextTest: ['shift+n'],
  attach: ['a'],
  finish: ['mod+enter'],
  help: ['shift+?', '?'],
} as const;
export type RunnerMove = keyof typeof RUNNER_SHORTCUTS;

/** Where the cursor goes after a step is answered: the next unanswered step after it, else the next step, else stay. */
export function stepAfterAnswer(statuses: readonly (StepStatus | null)[], answered: number): number {
  const later = statuses.findIndex((status, i) => i > answered && status === null);
  if (later !== -1) return later;
  return Math.min(answered + 1, Math.max(statuses.length - 1, 0));
}

/** The cursor moved by `delta` steps, kept within the steps. */
export function moveStep(current: number, delta: number, stepCount: number): number {
  if (stepCount === 0) return 0;
  return Math.min(Math.max(current + delta, 0), stepCount - 1);
}

/** Duration of a run in whole seconds, shown as h:mm:ss or m:ss. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
