import { parseJUnit, type JUnitReport } from './junit/parse-junit';
import { parseJMeterJtl } from './performance/jmeter-jtl';
import { parseK6Summary } from './performance/k6-summary';
import type { PerformanceReport } from './performance/performance-report';
import { expandResultFiles, RESULT_UPLOAD_LIMITS, type ResultFile, type ResultUploadLimits } from './result-files';

export interface ReadResults {
  junit: JUnitReport[];
  performance: PerformanceReport[];
  /** Zip members of no kind the importer reads. */
  ignored: string[];
}

/**
 * Every file of one upload read by its kind: JUnit XML (.xml), JMeter results (.jtl, .csv), k6 summaries (.json),
 * zips opened. Throws ResultFileError for the first file refused: one bad file refuses the whole upload.
 */
export function readResultFiles(files: readonly ResultFile[], limits: ResultUploadLimits = RESULT_UPLOAD_LIMITS): ReadResults {
  const expanded = expandResultFiles(files, limits);
  const out: ReadResults = { junit: [], performance: [], ignored: expanded.ignored };
  for (const file of expanded.files) {
    if (file.kind === 'junit') out.junit.push(parseJUnit(file.bytes, file.name));
    else if (file.kind === 'jmeter') out.performance.push(parseJMeterJtl(file.bytes, file.name));
    else out.performance.push(parseK6Summary(file.bytes, file.name));
  }
  return out;
}
