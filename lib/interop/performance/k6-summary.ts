import { ResultFileError } from '../result-file-error';
import { decodeTextBytes } from '../xml-text';
import type { PerformanceReport, PerformanceSample, PerformanceStats } from './performance-report';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `p(95)` → `p95`, `med` → `median`; other names as k6 writes them. */
function statName(key: string): string {
  const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(key);
  if (p) return `p${p[1]}`;
  return key === 'med' ? 'median' : key;
}

/**
 * The statistics of one k6 metric. Rates (`http_req_failed`, `checks`) are ratios in k6 and percentages here; a
 * counter's per-second rate is its throughput.
 */
function statsOf(metric: Json): PerformanceStats {
  const values = isObject(metric.values) ? metric.values : metric;
  const stats: PerformanceStats = {};
  const type = typeof metric.type === 'string' ? metric.type : 'passes' in values ? 'rate' : 'count' in values ? 'counter' : 'trend';
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (type === 'rate' && (key === 'rate' || key === 'value')) stats.rate = value * 100;
    else if (type === 'counter' && key === 'rate') stats.throughput = value;
    else if (type === 'gauge' && key === 'value') stats.value = value;
    else if (key !== 'thresholds') stats[statName(key)] = value;
  }
  return stats;
}

/**
 * A k6 end-of-test summary: `--summary-export` output (statistics right under each metric) or the data
 * `handleSummary` receives (under `values`). Each metric, submetrics included (`http_req_duration{name:login}`),
 * is one sample; `http_req_failed`'s rate is also its `error_rate`.
 */
export function parseK6Summary(bytes: Uint8Array, fileName: string): PerformanceReport {
  let document: unknown;
  try {
    document = JSON.parse(decodeTextBytes(bytes));
  } catch (error) {
    throw new ResultFileError('performanceInvalid', fileName, error instanceof Error ? error.message : '');
  }
  if (!isObject(document) || !isObject(document.metrics)) throw new ResultFileError('performanceInvalid', fileName, 'metrics');
  const samples: PerformanceSample[] = [];
  for (const [name, metric] of Object.entries(document.metrics)) {
    if (!isObject(metric)) continue;
    const stats = statsOf(metric);
    if (name.startsWith('http_req_failed') && stats.rate !== undefined) stats.error_rate = stats.rate;
    if (Object.keys(stats).length) samples.push({ label: name.slice(0, 300), stats });
  }
  if (!samples.length) throw new ResultFileError('performanceInvalid', fileName, 'metrics');
  return { fileName, tool: 'k6', samples };
}
