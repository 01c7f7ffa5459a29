import { describe, expect, test } from 'vitest';
import { awaitsRun, defaultRunnerItem, formatDuration, moveStep, nextRunnerItem, RUNNER_SHORTCUTS, STEP_STATUS_KEYS, stepAfterAnswer } from './runner';

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
