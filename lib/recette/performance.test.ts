import { describe, expect, test } from 'vitest';
import { measurementStatus, performanceStatus } from './performance';

const p95 = { threshold: 2, direction: 'at_most' } as const;
const throughput = { threshold: 50, direction: 'at_least' } as const;

describe('measurementStatus', () => {
  test.each([
    [p95, 1.2, 'passed'],
    [p95, 2, 'passed'],
    [p95, 2.001, 'failed'],
    [throughput, 50, 'passed'],
    [throughput, 75, 'passed'],
    [throughput, 49.9, 'failed'],
    [p95, null, 'not_measured'],
    [p95, undefined, 'not_measured'],
    [throughput, Number.NaN, 'not_measured'],
    [throughput, Number.POSITIVE_INFINITY, 'not_measured'],
  ] as const)('%o with %s → %s', (criterion, measured, expected) => {
    expect(measurementStatus(criterion, measured)).toBe(expected);
  });
});

describe('performanceStatus', () => {
  test('passes only when every criterion is measured and passes', () => {
    expect(performanceStatus([p95, throughput], [1.5, 60])).toBe('passed');
    expect(performanceStatus([p95, throughput], [1.5, null])).toBe('not_measured');
  });
  test('any failed criterion fails, even with another unmeasured', () => {
    expect(performanceStatus([p95, throughput], [3, null])).toBe('failed');
  });
  test('no criterion decides nothing', () => {
    expect(performanceStatus([], [])).toBe('not_measured');
  });
});
