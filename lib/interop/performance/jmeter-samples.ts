import { ResultFileError } from '../result-file-error';
import { boundedText } from '../text-bounds';
import { percentile, type PerformanceReport, type PerformanceSample } from './performance-report';

/** The label of the statistics over every sample, as JMeter's own aggregate report names it. */
const JMETER_TOTAL_LABEL = 'TOTAL';

/** One JMeter sample as both .jtl formats (CSV and XML) record it. */
export interface JMeterSample {
  label: string;
  /** Elapsed time, milliseconds. */
  elapsed: number;
  success: boolean;
  /** Start time, epoch milliseconds; NaN when the file does not record it. */
  timeStamp: number;
}

interface Accumulator {
  elapsed: number[];
  errors: number;
  first: number;
  last: number;
}

/**
 * Statistics per sampler label and over all samples under "TOTAL", as JMeter's aggregate report computes them
 * (nearest-rank percentiles, error rate in percent, throughput over the span from the first start to the last end).
 */
export function jmeterReport(samples: Iterable<JMeterSample>, fileName: string): PerformanceReport {
  const byLabel = new Map<string, Accumulator>();
  const add = (label: string, sample: JMeterSample) => {
    let acc = byLabel.get(label);
    if (!acc) byLabel.set(label, (acc = { elapsed: [], errors: 0, first: Infinity, last: -Infinity }));
    acc.elapsed.push(sample.elapsed);
    if (!sample.success) acc.errors += 1;
    if (Number.isFinite(sample.timeStamp)) {
      acc.first = Math.min(acc.first, sample.timeStamp);
      acc.last = Math.max(acc.last, sample.timeStamp + sample.elapsed);
    }
  };
  for (const sample of samples) {
    add(boundedText(sample.label, 300), sample);
    add(JMETER_TOTAL_LABEL, sample);
  }
  if (byLabel.size === 0) throw new ResultFileError('performanceInvalid', fileName, 'no sample');
  const out: PerformanceSample[] = [...byLabel].map(([label, acc]) => {
    const sorted = [...acc.elapsed].sort((a, b) => a - b);
    const count = sorted.length;
    const seconds = (acc.last - acc.first) / 1000;
    return {
      label,
      stats: {
        count,
        avg: sorted.reduce((a, b) => a + b, 0) / count,
        min: sorted[0]!,
        max: sorted[count - 1]!,
        median: percentile(sorted, 50),
        p90: percentile(sorted, 90),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        error_rate: (acc.errors / count) * 100,
        ...(seconds > 0 && { throughput: count / seconds }),
      },
    };
  });
  return { fileName, tool: 'jmeter', samples: out };
}
