import { describe, expect, test } from 'vitest';
import type { StepStatus } from './campaign-model';
import { blankStepResults, deriveExecutionStatus, overrideNeedsReason } from './execution-status';

const steps = (...statuses: (StepStatus | null)[]) => statuses.map((status) => ({ status }));
const p95 = { metric: 'p95', threshold: 2, direction: 'at_most' } as const;

describe('deriveExecutionStatus', () => {
  test.each([
    [steps('passed', 'passed'), 'passed'],
    [steps('passed', 'not_applicable'), 'passed'],
    [steps('not_applicable', 'not_applicable'), 'passed'],
    [steps('passed', null), 'in_progress'],
    [steps('blocked', null), 'blocked'],
    [steps('blocked', 'failed'), 'failed'],
    [steps(null, 'failed'), 'failed'],
    [steps('passed', 'blocked', 'passed'), 'blocked'],
    [steps(), 'in_progress'],
  ] as const)('%j → %s', (results, expected) => {
    expect(deriveExecutionStatus(results)).toBe(expected);
  });

  test('a performance run follows its measurements once the steps are done', () => {
    expect(deriveExecutionStatus(steps('passed'), [p95], [{ metric: 'p95', value: 1.4 }])).toBe('passed');
    expect(deriveExecutionStatus(steps('passed'), [p95], [{ metric: 'p95', value: 2.5 }])).toBe('failed');
    expect(deriveExecutionStatus(steps('passed'), [p95], [])).toBe('in_progress');
    expect(deriveExecutionStatus(steps(), [p95], [{ metric: 'p95', value: 2 }])).toBe('passed');
  });

  test('a measurement over its threshold fails the run even with steps left', () => {
    expect(deriveExecutionStatus(steps(null), [p95], [{ metric: 'p95', value: 3 }])).toBe('failed');
  });

  test('a measurement for another metric measures nothing', () => {
    expect(deriveExecutionStatus(steps('passed'), [p95], [{ metric: 'débit', value: 1 }])).toBe('in_progress');
  });
});

test('a result other than the derived one needs a reason', () => {
  expect(overrideNeedsReason('failed', 'failed')).toBe(false);
  expect(overrideNeedsReason('in_progress', 'passed')).toBe(true);
});

test('blank results have one unanswered entry per step', () => {
  expect(blankStepResults(2)).toEqual([
    { status: null, actual: '' },
    { status: null, actual: '' },
  ]);
});
