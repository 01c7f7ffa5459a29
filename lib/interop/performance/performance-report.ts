/**
 * What a performance tool measured, per sample label (JMeter) or metric (k6), as named statistics:
 * durations (avg, min, max, median, p90, p95, p99…) in milliseconds, `error_rate` in percent, `throughput` in
 * requests per second, `count`. The criteria of the campaign's performance test cases pick from these.
 */
export type PerformanceStats = Record<string, number>;

export interface PerformanceSample {
  label: string;
  stats: PerformanceStats;
}

export interface PerformanceReport {
  fileName: string;
  tool: 'jmeter' | 'k6';
  samples: PerformanceSample[];
}

/** Statistics that are durations (milliseconds in both tools). */
export function isDurationStat(stat: string): boolean {
  return stat === 'avg' || stat === 'min' || stat === 'max' || stat === 'median' || /^p\d+(\.\d+)?$/.test(stat);
}

/** Nearest-rank percentile of sorted values (what JMeter's aggregate report shows). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
