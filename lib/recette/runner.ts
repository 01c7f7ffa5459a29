import type { ExecutionStatus, StepStatus } from './campaign-model';
import { pageWindow } from '@/lib/lists/page-window';

/** What the runner needs to know of each campaign item to pick the one to open. */
export interface RunnerItemChoice {
  id: string;
  assigneeId: string | null;
  /** The latest run's status, or null when the item was never run. */
  lastStatus: ExecutionStatus | null;
  /** An item closed as "non exécuté" has nothing left to run. */
  notRun: boolean;
}

/** An item still waits for a run when it has none, or only one left open. */
export function awaitsRun(item: Pick<RunnerItemChoice, 'lastStatus' | 'notRun'>): boolean {
  return !item.notRun && (item.lastStatus === null || item.lastStatus === 'in_progress');
}

/**
 * The item the runner opens without `?item=`: the first (in campaign order) still waiting for a run that is
 * assigned to me, else the first still waiting for anyone, else the first item at all (to read its history).
 */
export function defaultRunnerItem<T extends RunnerItemChoice>(items: readonly T[], me: string): T | null {
  return (
    items.find((item) => awaitsRun(item) && item.assigneeId === me) ?? items.find((item) => awaitsRun(item)) ?? items[0] ?? null
  );
}

/** The next item waiting for a run after `currentId`, wrapping around; null when no other item waits. */
export function nextRunnerItem<T extends RunnerItemChoice>(items: readonly T[], currentId: string): T | null {
  const at = items.findIndex((item) => item.id === currentId);
  const ordered = [...items.slice(at + 1), ...items.slice(0, Math.max(at, 0))];
  return ordered.find((item) => awaitsRun(item) && item.id !== currentId) ?? null;
}

/**
 * The part of a campaign's item list shown beside the runner: page `page` of `size` items, by default the page
 * holding the current item. A campaign of 2,000 tests listed whole made the runner a multi-megabyte page.
 */
export function runnerListWindow<T extends { id: string }>(items: readonly T[], currentId: string | null, size: number, page?: number) {
  const at = currentId === null ? -1 : items.findIndex((item) => item.id === currentId);
  return pageWindow(items, size, page ?? (at === -1 ? 1 : Math.floor(at / size) + 1));
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
