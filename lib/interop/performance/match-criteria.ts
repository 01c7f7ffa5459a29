import type { Measurement } from '@/lib/recette/campaign-model';
import type { PerformanceCriterion } from '@/lib/recette/model';
import { isDurationStat, type PerformanceReport, type PerformanceSample } from './performance-report';

/** A performance test case of the campaign, as matching needs it. */
export interface PerformanceTarget {
  testCaseId: string;
  automationKey: string;
  title: string;
  criteria: readonly PerformanceCriterion[];
}

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/**
 * The statistic a criterion's metric names, in French or English: "Temps de réponse p95" → p95, "p(99)" → p99,
 * "médiane" → median, "temps moyen" → avg, "taux d'erreur" → error_rate, "débit" → throughput. Null when it names
 * none (the criterion then stays unmeasured, for the tester to fill in).
 */
export function statOfCriterion(metric: string): string | null {
  const m = plain(metric);
  const p = /\bp\(?(\d{1,2}(?:\.\d+)?)\)?(?![\w.])/.exec(m) ?? /percentile\s*(\d{1,2})/.exec(m) ?? /(\d{2})e? percentile/.exec(m);
  if (p) return `p${p[1]}`;
  if (/\b(mediane?|median|med)\b/.test(m)) return 'median';
  if (/\b(moyen(ne)?|mean|avg|average)\b/.test(m)) return 'avg';
  if (/\b(taux d.?(erreur|echec)s?|error(s)?( rate)?|erreurs?|echecs?|failed)\b/.test(m)) return 'error_rate';
  if (/\b(debit|throughput|rps|req\/s|requetes? par seconde|transactions? par seconde|tps)\b/.test(m)) return 'throughput';
  if (/\b(minimum|min)\b/.test(m)) return 'min';
  if (/\b(maximum|max)\b/.test(m)) return 'max';
  if (/\b(nombre|count|total)\b/.test(m)) return 'count';
  if (/\b(rate|taux)\b/.test(m)) return 'rate';
  return null;
}

/** A tool's value in the criterion's unit: durations come in ms (to s or min on request), rates per second. */
export function inCriterionUnit(stat: string, value: number, unit: string): number {
  const u = plain(unit);
  if (isDurationStat(stat)) {
    if (u === 's' || u === 'sec' || u === 'seconde' || u === 'secondes' || u === 'seconds') return value / 1000;
    if (u === 'min' || u === 'minute' || u === 'minutes') return value / 60_000;
    return value;
  }
  if (stat === 'throughput') {
    if (u.endsWith('/min')) return value * 60;
    if (u.endsWith('/h')) return value * 3600;
  }
  return value;
}

/** The sample of the reports a test case is about: its automation key, else its title, equal to a label. */
function sampleFor(target: PerformanceTarget, reports: readonly PerformanceReport[]): { sample: PerformanceSample; fileName: string } | null {
  const names = [target.automationKey, target.title].map(plain).filter(Boolean);
  for (const name of names) {
    for (const report of reports) {
      const sample = report.samples.find((s) => plain(s.label) === name);
      if (sample) return { sample, fileName: report.fileName };
    }
  }
  return null;
}

/** A criterion that names a k6 metric itself ("http_req_failed rate") reads that metric, whatever the test case's key. */
function namedSample(metric: string, reports: readonly PerformanceReport[]): PerformanceSample | null {
  const m = plain(metric);
  let best: PerformanceSample | null = null;
  for (const report of reports) {
    for (const sample of report.samples) {
      const label = plain(sample.label);
      if (label.length > 2 && m.includes(label) && label.length > (best ? best.label.length : 0)) best = sample;
    }
  }
  return best;
}

export interface PerformanceMatch {
  testCaseId: string;
  label: string;
  fileName: string;
  measurements: Measurement[];
}

/**
 * The measured values of one performance test case from the reports, criterion by criterion (null where the reports
 * say nothing); null when no report is about this test case at all.
 */
export function measureTarget(target: PerformanceTarget, reports: readonly PerformanceReport[]): PerformanceMatch | null {
  const found = sampleFor(target, reports);
  let any = false;
  const measurements = target.criteria.map((criterion): Measurement => {
    const stat = statOfCriterion(criterion.metric);
    const sample = namedSample(criterion.metric, reports) ?? found?.sample;
    const raw = stat && sample ? sample.stats[stat] : undefined;
    if (raw === undefined || !Number.isFinite(raw)) return { metric: criterion.metric, value: null };
    any = true;
    return { metric: criterion.metric, value: Math.round(inCriterionUnit(stat!, raw, criterion.unit) * 1000) / 1000 };
  });
  if (!any) return null;
  return { testCaseId: target.testCaseId, label: found?.sample.label ?? '', fileName: found?.fileName ?? reports[0]!.fileName, measurements };
}
