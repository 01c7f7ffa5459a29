import { ResultFileError } from '../result-file-error';
import { boundedText } from '../text-bounds';
import { decodeTextBytes } from '../xml-text';
import { percentile, type PerformanceReport, type PerformanceSample } from './performance-report';

/** One CSV record at a time (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks). */
function* csvRecords(text: string): Generator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      if (record.length > 1 || record[0] !== '') yield record;
      record = [];
      field = '';
    } else field += ch;
  }
  record.push(field);
  if (record.length > 1 || record[0] !== '') yield record;
}

/** The label of the statistics over every sample, as JMeter's own aggregate report names it. */
export const JMETER_TOTAL_LABEL = 'TOTAL';

interface Accumulator {
  elapsed: number[];
  errors: number;
  first: number;
  last: number;
}

/**
 * A JMeter results file (.jtl, CSV with its header line, JMeter's default): statistics per sampler label, and over
 * all samples under "TOTAL". XML .jtl files are not read (JMeter writes CSV unless told otherwise).
 */
export function parseJMeterJtl(bytes: Uint8Array, fileName: string): PerformanceReport {
  const records = csvRecords(decodeTextBytes(bytes));
  const header = records.next().value?.map((h: string) => h.trim());
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const [elapsedAt, labelAt, successAt, stampAt] = [col('elapsed'), col('label'), col('success'), col('timeStamp')];
  if (!header || elapsedAt === -1 || labelAt === -1) throw new ResultFileError('performanceInvalid', fileName, 'jtl header');
  const byLabel = new Map<string, Accumulator>();
  const add = (label: string, elapsed: number, failed: boolean, stamp: number) => {
    let acc = byLabel.get(label);
    if (!acc) byLabel.set(label, (acc = { elapsed: [], errors: 0, first: Infinity, last: -Infinity }));
    acc.elapsed.push(elapsed);
    if (failed) acc.errors += 1;
    if (Number.isFinite(stamp)) {
      acc.first = Math.min(acc.first, stamp);
      acc.last = Math.max(acc.last, stamp + elapsed);
    }
  };
  let line = 1;
  for (const record of records) {
    line += 1;
    const elapsed = Number(record[elapsedAt]);
    if (!Number.isFinite(elapsed)) throw new ResultFileError('performanceInvalid', fileName, `line ${line}`);
    const failed = successAt !== -1 && record[successAt]?.trim().toLowerCase() !== 'true';
    const stamp = stampAt === -1 ? Number.NaN : Number(record[stampAt]);
    add(boundedText(record[labelAt] ?? '', 300), elapsed, failed, stamp);
    add(JMETER_TOTAL_LABEL, elapsed, failed, stamp);
  }
  if (byLabel.size === 0) throw new ResultFileError('performanceInvalid', fileName, 'no sample');
  const samples: PerformanceSample[] = [...byLabel].map(([label, acc]) => {
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
  return { fileName, tool: 'jmeter', samples };
}
