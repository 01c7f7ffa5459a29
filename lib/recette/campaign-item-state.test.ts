import { describe, expect, test } from 'vitest';
import { progressOf, requirementCampaignState, type ItemStateCounts } from './campaign-item-state';

const counts = (partial: Partial<ItemStateCounts>): ItemStateCounts => ({
  not_started: 0,
  in_progress: 0,
  passed: 0,
  failed: 0,
  blocked: 0,
  not_run: 0,
  ...partial,
});

describe('campaign progress', () => {
  test('folds not started and in progress into what remains', () => {
    expect(
      progressOf([
        { state: 'passed', count: 3 },
        { state: 'not_started', count: 2 },
        { state: 'in_progress', count: 1 },
        { state: 'not_run', count: 1 },
        { state: 'failed', count: 4 },
      ]),
    ).toEqual({ passed: 3, failed: 4, blocked: 0, not_run: 1, remaining: 3, total: 11 });
    expect(progressOf([])).toEqual({ passed: 0, failed: 0, blocked: 0, not_run: 0, remaining: 0, total: 0 });
  });
});

describe('a requirement in a campaign', () => {
  test('one failure fails it, even among passes and blocks', () => {
    expect(requirementCampaignState(counts({ passed: 5, blocked: 1, failed: 1 }))).toBe('failed');
    expect(requirementCampaignState(counts({ passed: 5, blocked: 1 }))).toBe('blocked');
  });
  test('passed only when everything that ran passed and nothing is left', () => {
    expect(requirementCampaignState(counts({ passed: 2 }))).toBe('passed');
    expect(requirementCampaignState(counts({ passed: 2, not_run: 1 }))).toBe('passed');
    expect(requirementCampaignState(counts({ passed: 2, not_started: 1 }))).toBe('in_progress');
    expect(requirementCampaignState(counts({ in_progress: 1, not_started: 1 }))).toBe('in_progress');
  });
  test('not started, or not run at all', () => {
    expect(requirementCampaignState(counts({ not_started: 3 }))).toBe('not_started');
    expect(requirementCampaignState(counts({ not_run: 2 }))).toBe('not_run');
    expect(requirementCampaignState(counts({ not_run: 1, not_started: 1 }))).toBe('not_started');
  });
});
