import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultFileError } from '../result-file-error';
import { parseJMeterJtl } from './jmeter-jtl';
import { parseK6Summary } from './k6-summary';
import { inCriterionUnit, measureTarget, statOfCriterion } from './match-criteria';
import { percentile, type PerformanceReport } from './performance-report';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('JMeter .jtl', () => {
  it('aggregates per label and in total, with quoted fields, errors and throughput', () => {
    const jtl = [
      'timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,failureMessage',
      '1000,100,"Login, step",200,OK,t1,true,',
      '1500,300,"Login, step",500,"Server ""error""",t1,false,"boom"',
      '2000,200,Search,200,OK,t2,true,',
    ].join('\r\n');
    const report = parseJMeterJtl(bytes(jtl), 'r.jtl');
    const login = report.samples.find((s) => s.label === 'Login, step')!;
    expect(login.stats).toMatchObject({ count: 2, avg: 200, min: 100, max: 300, p95: 300, error_rate: 50 });
    expect(login.stats.throughput).toBeCloseTo(2 / 0.8);
    expect(report.samples.find((s) => s.label === 'TOTAL')!.stats.count).toBe(3);
  });

  it('refuses a file without the JMeter header or with a non-numeric elapsed', () => {
    expect(() => parseJMeterJtl(bytes('a,b\n1,2'), 'x.csv')).toThrow(ResultFileError);
    expect(() => parseJMeterJtl(bytes('elapsed,label\nabc,x'), 'x.csv')).toThrow(/line 2/);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });
});

/** Hand-written after JMeter's documented formats (tests/fixtures/jmeter/README.md): the same samples in both. */
const jmeterFixture = (name: string) => new Uint8Array(readFileSync(path.resolve(process.cwd(), 'tests/fixtures/jmeter', name)));

describe('JMeter XML .jtl', () => {
  it('reads the XML format: top-level samples only, assertions, entities, and the same statistics as the CSV', () => {
    const xml = parseJMeterJtl(jmeterFixture('results-5.6.xml.jtl'), 'results.xml.jtl');
    const csv = parseJMeterJtl(jmeterFixture('results-5.6.csv.jtl'), 'results.csv.jtl');
    const total = xml.samples.find((s) => s.label === 'TOTAL')!;
    expect(total.stats).toMatchObject({ count: 9, min: 45, max: 2310 });
    expect(total.stats.error_rate).toBeCloseTo(100 / 3);
    expect(total.stats.throughput).toBeCloseTo(9 / 6.41);
    expect(xml.samples.map((s) => s.label).sort()).toEqual(
      ['Accueil', 'Connexion & session', 'Recherche dossier', 'SQL – lecture dossiers', 'TOTAL', 'Transaction – dépôt'].sort(),
    );
    expect(xml.samples.find((s) => s.label === 'Connexion & session')!.stats).toMatchObject({ count: 2, error_rate: 50, max: 1012 });
    const byLabel = (r: PerformanceReport) => Object.fromEntries(r.samples.map((s) => [s.label, s.stats]));
    expect(byLabel(xml)).toEqual(byLabel(csv));
  });

  it('without the s attribute, decides success from the assertion results', () => {
    const jtl = (assertion: string) =>
      bytes(`<testResults version="1.2"><sample t="10" ts="1" lb="a"><assertionResult><name>x</name>${assertion}</assertionResult></sample></testResults>`);
    expect(parseJMeterJtl(jtl('<failure>true</failure><error>false</error>'), 'a.jtl').samples[0]!.stats.error_rate).toBe(100);
    expect(parseJMeterJtl(jtl('<failure>false</failure><error>true</error>'), 'a.jtl').samples[0]!.stats.error_rate).toBe(100);
    expect(parseJMeterJtl(jtl('<failure>false</failure><error>false</error>'), 'a.jtl').samples[0]!.stats.error_rate).toBe(0);
  });

  it('refuses malformed XML, a DOCTYPE, another root, a sample without elapsed time, and an empty result', () => {
    const refusal = (xml: string) => {
      try {
        parseJMeterJtl(bytes(xml), 'r.jtl');
      } catch (error) {
        return error instanceof ResultFileError ? error.reason : 'other';
      }
      return 'accepted';
    };
    expect(refusal('<testResults><sample t="1" lb="a"></testResults>')).toBe('malformed');
    expect(refusal('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><testResults/>')).toBe('doctype');
    expect(refusal('<testsuite name="x"/>')).toBe('performanceInvalid');
    expect(refusal('<testResults><httpSample lb="a" s="true"/></testResults>')).toBe('performanceInvalid');
    expect(refusal('<testResults version="1.2"></testResults>')).toBe('performanceInvalid');
  });
});

describe('k6 summary', () => {
  it('reads handleSummary data and --summary-export output alike', () => {
    const handle = parseK6Summary(bytes(JSON.stringify({ metrics: { http_req_duration: { type: 'trend', values: { 'p(95)': 420, med: 200 } }, http_req_failed: { type: 'rate', values: { rate: 0.02, passes: 2, fails: 98 } } } })), 's.json');
    expect(handle.samples).toEqual([
      { label: 'http_req_duration', stats: { p95: 420, median: 200 } },
      { label: 'http_req_failed', stats: { rate: 2, passes: 2, fails: 98, error_rate: 2 } },
    ]);
    const exported = parseK6Summary(bytes(JSON.stringify({ metrics: { 'http_req_duration{name:login}': { avg: 10, 'p(90)': 20 }, http_reqs: { count: 10, rate: 3.5 } } })), 'e.json');
    expect(exported.samples[1]).toEqual({ label: 'http_reqs', stats: { count: 10, throughput: 3.5 } });
  });

  it('refuses JSON that is not a summary, and text that is not JSON', () => {
    expect(() => parseK6Summary(bytes('{"a":1}'), 'a.json')).toThrow(ResultFileError);
    expect(() => parseK6Summary(bytes('{'), 'b.json')).toThrow(ResultFileError);
  });
});

describe('criteria against measurements', () => {
  it('names statistics in French and English', () => {
    expect(statOfCriterion('Temps de réponse p95')).toBe('p95');
    expect(statOfCriterion('p(99)')).toBe('p99');
    expect(statOfCriterion('Médiane')).toBe('median');
    expect(statOfCriterion('Temps moyen')).toBe('avg');
    expect(statOfCriterion('Taux d’erreur')).toBe('error_rate');
    expect(statOfCriterion('Débit')).toBe('throughput');
    expect(statOfCriterion('Durée du calcul complet')).toBeNull();
  });

  it('converts durations to the criterion unit', () => {
    expect(inCriterionUnit('p95', 1500, 's')).toBe(1.5);
    expect(inCriterionUnit('avg', 120_000, 'min')).toBe(2);
    expect(inCriterionUnit('throughput', 2, 'req/min')).toBe(120);
  });

  it('measures a test case from the sample its key names, or from a metric a criterion names', () => {
    const reports: PerformanceReport[] = [{ fileName: 's.json', tool: 'k6', samples: [{ label: 'http_req_duration', stats: { p95: 420 } }, { label: 'http_req_failed', stats: { rate: 2, error_rate: 2 } }] }];
    const criteria = [
      { metric: 'p95', unit: 'ms', threshold: 500, direction: 'at_most' as const },
      { metric: 'http_req_failed rate', unit: '%', threshold: 1, direction: 'at_most' as const },
      { metric: 'Durée', unit: 'min', threshold: 1, direction: 'at_most' as const },
    ];
    expect(measureTarget({ testCaseId: 't', automationKey: 'http_req_duration', title: '', criteria }, reports)).toEqual({
      testCaseId: 't',
      label: 'http_req_duration',
      fileName: 's.json',
      measurements: [
        { metric: 'p95', value: 420 },
        { metric: 'http_req_failed rate', value: 2 },
        { metric: 'Durée', value: null },
      ],
    });
    expect(measureTarget({ testCaseId: 't', automationKey: 'other', title: 'Other', criteria: [criteria[0]!] }, reports)).toBeNull();
  });
});
