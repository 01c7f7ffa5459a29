import { describe, expect, test } from 'vitest';
import { awaitsRun, defaultRunnerItem, formatDuration, moveStep, nextRunnerItem, RUNNER_SHORTCUTS, runnerListWindow, STEP_STATUS_KEYS, stepAfterAnswer } from './runner';

const item = (id: string, assigneeId: string | null, lastStatus: 'passed' | 'failed' | 'in_progress' | null, notRun = false) => ({
  id,
  assigneeId,
  lastStatus,
  notRun,
});

describe('which item the runner opens', () => {
  test('first item not yet run that is assigned to me', () => {
    const items = [item('a', 'bob', null), item('b', 'me', 'passed'), item('c', 'me', null), item('d', 'me', null)];
    expect(defaultRunnerItem(items, 'me')?.id).toBe('c');
  });
  test('else the first not yet run, whoever it is assigned to', () => {
    const items = [item('a', 'me', 'passed'), item('b', 'bob', 'failed'), item('c', 'bob', null)];
    expect(defaultRunnerItem(items, 'me')?.id).toBe('c');
  });
  test('an open run still waits; a "non exécuté" item does not', () => {
    expect(awaitsRun(item('a', null, 'in_progress'))).toBe(true);
    expect(awaitsRun(item('a', null, null, true))).toBe(false);
    expect(defaultRunnerItem([item('a', 'me', null, true), item('b', null, 'in_progress')], 'me')?.id).toBe('b');
  });
  test('everything run: the first item; no item: nothing', () => {
    expect(defaultRunnerItem([item('a', null, 'passed'), item('b', null, 'failed')], 'me')?.id).toBe('a');
    expect(defaultRunnerItem([], 'me')).toBeNull();
  });
  test('next test: the next waiting item after the current one, wrapping around, never the current one', () => {
    const items = [item('a', null, null), item('b', null, 'passed'), item('c', null, null), item('d', null, 'passed')];
    expect(nextRunnerItem(items, 'a')?.id).toBe('c');
    expect(nextRunnerItem(items, 'c')?.id).toBe('a');
    expect(nextRunnerItem([item('a', null, null)], 'a')).toBeNull();
    expect(nextRunnerItem(items, 'unknown')?.id).toBe('a');
  });
});

describe('keyboard map and step cursor', () => {
  test('one distinct key per status, none shared with a move', () => {
    const statusKeys = Object.values(STEP_STATUS_KEYS);
    const moveKeys = Object.values(RUNNER_SHORTCUTS).flat();
    expect(new Set(statusKeys).size).toBe(4);
    expect(statusKeys.filter((k) => (moveKeys as string[]).includes(k))).toEqual([]);
    expect(new Set(moveKeys).size).toBe(moveKeys.length);
  });
  test('after an answer the cursor goes to the next unanswered step, else the next one, else stays on the last', () => {
    expect(stepAfterAnswer(['passed', null, 'failed', null], 0)).toBe(1);
    expect(stepAfterAnswer(['passed', 'passed', 'failed', null], 1)).toBe(3);
    expect(stepAfterAnswer(['passed', 'passed', 'failed'], 0)).toBe(1);
    expect(stepAfterAnswer(['passed', 'passed'], 1)).toBe(1);
    expect(stepAfterAnswer([], 0)).toBe(0);
  });
  test('moving stays within the steps', () => {
    expect(moveStep(0, -1, 3)).toBe(0);
    expect(moveStep(2, 1, 3)).toBe(2);
    expect(moveStep(1, 1, 3)).toBe(2);
    expect(moveStep(0, 1, 0)).toBe(0);
  });
  test('durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});

describe('the window of the item list beside the runner', () => {
  const items = Array.from({ length: 23 }, (_, i) => ({ id: `i${i + 1}` }));
  const ids = (w: ReturnType<typeof runnerListWindow>) => w.items.map((i) => i.id);

  test('opens on the page holding the current item', () => {
    expect(runnerListWindow(items, 'i1', 10)).toMatchObject({ page: 1, pages: 3, from: 1, to: 10, total: 23 });
    expect(ids(runnerListWindow(items, 'i10', 10))).toEqual(items.slice(0, 10).map((i) => i.id));
    expect(runnerListWindow(items, 'i11', 10)).toMatchObject({ page: 2, from: 11, to: 20 });
    expect(ids(runnerListWindow(items, 'i23', 10))).toEqual(['i21', 'i22', 'i23']);
    expect(runnerListWindow(items, null, 10).page).toBe(1);
  });

  test('a page asked for is kept within the pages; an empty campaign has one empty page', () => {
    expect(runnerListWindow(items, 'i1', 10, 3)).toMatchObject({ page: 3, from: 21, to: 23 });
    expect(runnerListWindow(items, 'i1', 10, 99).page).toBe(3);
    expect(runnerListWindow(items, 'i1', 10, 0).page).toBe(1);
    expect(runnerListWindow([], null, 10)).toMatchObject({ items: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });
});
