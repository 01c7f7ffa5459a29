import { describe, expect, test } from 'vitest';
import { formatDuration, moveStep, RUNNER_SHORTCUTS, runnerListPage, STEP_STATUS_KEYS, stepAfterAnswer } from './runner';

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

describe('the page of the item list beside the runner', () => {
  test('opens on the page holding the current item', () => {
    expect(runnerListPage(23, 10, 1)).toEqual({ page: 1, pages: 3, from: 1, to: 10, total: 23 });
    expect(runnerListPage(23, 10, 10).page).toBe(1);
    expect(runnerListPage(23, 10, 11)).toMatchObject({ page: 2, from: 11, to: 20 });
    expect(runnerListPage(23, 10, 23)).toMatchObject({ page: 3, from: 21, to: 23 });
    expect(runnerListPage(23, 10, null).page).toBe(1);
  });

  test('a page asked for is kept within the pages; an empty campaign has one empty page', () => {
    expect(runnerListPage(23, 10, 1, 3)).toMatchObject({ page: 3, from: 21, to: 23 });
    expect(runnerListPage(23, 10, 1, 99).page).toBe(3);
    expect(runnerListPage(23, 10, 1, 0).page).toBe(1);
    expect(runnerListPage(0, 10, null)).toEqual({ page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });
});
