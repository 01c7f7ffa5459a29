import { ResultFileError } from '../result-file-error';
import { decodeTextBytes } from '../xml-text';
import type { PerformanceReport } from './performance-report';
import { jmeterReport, type JMeterSample } from './jmeter-samples';
import { parseJMeterXml } from './jmeter-xml';

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

/**
 * A JMeter results file (.jtl): CSV with its header line (JMeter's default), or XML
 * (`jmeter.save.saveservice.output_format=xml`), told apart by the first character. Statistics per sampler label,
 * and over all samples under "TOTAL".
 */
export function parseJMeterJtl(bytes: Uint8Array, fileName: string): PerformanceReport {
  const text = decodeTextBytes(bytes);
  if (text.trimStart().startsWith('<')) return parseJMeterXml(text, fileName);
  const records = csvRecords(text);
  const header = records.next().value?.map((h: string) => h.trim());
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const [elapsedAt, labelAt, successAt, stampAt] = [col('elapsed'), col('label'), col('success'), col('timeStamp')];
  if (!header || elapsedAt === -1 || labelAt === -1) throw new ResultFileError('performanceInvalid', fileName, 'jtl header');
  let line = 1;
  function* samples(): Generator<JMeterSample> {
    for (const record of records) {
      line += 1;
      const elapsed = Number(record[elapsedAt]);
      if (!Number.isFinite(elapsed)) throw new ResultFileError('performanceInvalid', fileName, `line ${line}`);
      const success = successAt === -1 || record[successAt]?.trim().toLowerCase() === 'true';
      const timeStamp = stampAt === -1 ? Number.NaN : Number(record[stampAt]);
      yield { label: record[labelAt] ?? '', elapsed, success, timeStamp };
    }
  }
  return jmeterReport(samples(), fileName);
}
