import type { Measurement, StepResult, StepStatus } from '@/lib/recette/campaign-model';
import type { PerformanceCriterion, TestStep } from '@/lib/recette/model';
import { countsContradict, type JUnitOutcome } from './junit/parse-junit';
import { automationKeyOf, combinedOutcome, matchJUnitCases, stepIndexOf, type MatchableTestCase, type SourcedCase } from './junit/match-junit';
import { measureTarget, type PerformanceTarget } from './performance/match-criteria';
import type { ReadResults } from './read-results';
import { boundedText, MAX_EVIDENCE_TEXT } from './text-bounds';

/** A project test case as the plan needs it (what a run copies). */
export interface PlanTestCase extends MatchableTestCase {
  version: number;
  steps: TestStep[];
  criteria: PerformanceCriterion[];
  /** In the campaign's scope already. */
  inScope: boolean;
  /** Its campaign item is closed as "non exécuté": nothing is recorded on it. */
  notRun: boolean;
}

/** One run to record: on an existing test case (`testCaseId`) or on a proposed one (`automationKey`). */
export interface PlannedRun {
  testCaseId: string | null;
  automationKey: string | null;
  source: 'junit' | 'performance_report';
  stepResults: StepResult[];
  measurements: Measurement[];
  /** The tool's verdict (JUnit); left out, the derived one (performance: from the thresholds). */
  status?: 'passed' | 'failed';
  files: string[];
  evidence: string;
  durationMs: number | null;
}

export interface ImportPlan {
  runs: PlannedRun[];
  /** Test cases matched whose every case was skipped: nothing ran, nothing is recorded. */
  skipped: string[];
  /** Matched test cases left alone because their item is "non exécuté". */
  notRun: string[];
  proposed: { automationKey: string; title: string; folder: string; outcome: 'passed' | 'failed' | 'skipped'; cases: number }[];
  unmatched: { name: string; classname: string; fileName: string; outcome: JUnitOutcome }[];
  /** Performance samples no test case of the campaign used. */
  unusedSamples: { label: string; fileName: string }[];
  files: { name: string; kind: 'junit' | 'jmeter' | 'k6'; cases: number; failures: number; errors: number; skipped: number; declaredTests: number | null; contradicts: boolean }[];
}

const STEP_OF_OUTCOME: Record<JUnitOutcome, StepStatus> = { passed: 'passed', failure: 'failed', error: 'failed', skipped: 'not_applicable' };

function evidenceOf(cases: readonly SourcedCase[]): string {
  const parts = cases.map((c) =>
    [
      `[${c.fileName}] ${automationKeyOf(c)} — ${c.outcome}${c.flakyAttempts ? ` (flaky ×${c.flakyAttempts})` : ''}`,
      c.message,
      c.details,
      c.systemOut && `system-out:\n${c.systemOut}`,
      c.systemErr && `system-err:\n${c.systemErr}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return boundedText(parts.join('\n\n'), MAX_EVIDENCE_TEXT);
}

/**
 * Per-step results of one test case from its JUnit cases: a case with a `step` property answers that step; with none,
 * a pass answers every step (the automated test ran them all) and a failure answers none (which step failed is not
 * known: the result is recorded with the import as its reason).
 */
function stepResultsOf(steps: readonly TestStep[], cases: readonly SourcedCase[], outcome: 'passed' | 'failed'): StepResult[] {
  const byStep = new Map<number, JUnitOutcome>();
  for (const c of cases) {
    const index = stepIndexOf(c);
    if (index !== null && index < steps.length) byStep.set(index, c.outcome);
  }
  if (byStep.size === 0) return steps.map(() => ({ status: outcome === 'passed' ? 'passed' : null, actual: '' }));
  return steps.map((_, i) => {
    const o = byStep.get(i);
    return { status: o ? STEP_OF_OUTCOME[o] : null, actual: '' };
  });
}

function durationOf(cases: readonly SourcedCase[]): number | null {
  const known = cases.map((c) => c.durationMs).filter((d): d is number => d !== null);
  return known.length ? Math.min(known.reduce((a, b) => a + b, 0), 2_000_000_000) : null;
}

/**
 * What an upload leads to in one campaign, before anything is written (the preview shows it; the import writes it):
 * one run per matched test case, the proposals for cases nothing matched, the performance test cases' measurements.
 */
export function planImport(read: ReadResults, testCases: readonly PlanTestCase[]): ImportPlan {
  const cases: SourcedCase[] = read.junit.flatMap((report) => report.cases.map((c) => ({ ...c, fileName: report.fileName })));
  const match = matchJUnitCases(cases, testCases);
  const byId = new Map(testCases.map((tc) => [tc.id, tc]));
  const plan: ImportPlan = { runs: [], skipped: [], notRun: [], proposed: [], unmatched: [], unusedSamples: [], files: [] };
  const refOf = (tc: PlanTestCase) => `CT-${tc.number}`;

  for (const m of match.matched) {
    const tc = byId.get(m.testCaseId)!;
    const outcome = combinedOutcome(m.cases.map((c) => c.outcome));
    if (outcome === 'skipped') plan.skipped.push(refOf(tc));
    else if (tc.notRun) plan.notRun.push(refOf(tc));
    else {
      plan.runs.push({
        testCaseId: tc.id,
        automationKey: null,
        source: 'junit',
        stepResults: stepResultsOf(tc.steps, m.cases, outcome),
        measurements: tc.criteria.map((c) => ({ metric: c.metric, value: null })),
        status: outcome,
        files: [...new Set(m.cases.map((c) => c.fileName))],
        evidence: evidenceOf(m.cases),
        durationMs: durationOf(m.cases),
      });
    }
  }
  for (const p of match.proposed) {
    const outcome = combinedOutcome(p.cases.map((c) => c.outcome));
    plan.proposed.push({ automationKey: p.automationKey, title: p.title, folder: p.folder, outcome, cases: p.cases.length });
    if (outcome !== 'skipped') {
      plan.runs.push({
        testCaseId: null,
        automationKey: p.automationKey,
        source: 'junit',
        stepResults: [],
        measurements: [],
        status: outcome,
        files: [...new Set(p.cases.map((c) => c.fileName))],
        evidence: evidenceOf(p.cases),
        durationMs: durationOf(p.cases),
      });
    }
  }
  plan.unmatched = match.unmatched.map((c) => ({ name: c.name, classname: c.classname, fileName: c.fileName, outcome: c.outcome }));

  if (read.performance.length) {
    const used = new Set<string>();
    for (const tc of testCases) {
      if (!tc.inScope || tc.criteria.length === 0) continue;
      const target: PerformanceTarget = { testCaseId: tc.id, automationKey: tc.automationKey, title: tc.title, criteria: tc.criteria };
      const measured = measureTarget(target, read.performance);
      if (!measured) continue;
      if (tc.notRun) {
        plan.notRun.push(refOf(tc));
        continue;
      }
      used.add(`${measured.fileName}\u0000${measured.label}`);
      plan.runs.push({
        testCaseId: tc.id,
        automationKey: null,
        source: 'performance_report',
        stepResults: tc.steps.map(() => ({ status: 'passed', actual: '' })),
        measurements: measured.measurements,
        files: [measured.fileName],
        evidence: `${measured.fileName}${measured.label ? ` — ${measured.label}` : ''}`,
        durationMs: null,
      });
    }
    plan.unusedSamples = read.performance.flatMap((r) => r.samples.filter((s) => !used.has(`${r.fileName}\u0000${s.label}`)).map((s) => ({ label: s.label, fileName: r.fileName })));
  }

  plan.files = [
    ...read.junit.map((r) => ({
      name: r.fileName,
      kind: 'junit' as const,
      cases: r.found.tests,
      failures: r.found.failures,
      errors: r.found.errors,
      skipped: r.found.skipped,
      declaredTests: r.declared?.tests ?? null,
      contradicts: countsContradict(r),
    })),
    ...read.performance.map((r) => ({ name: r.fileName, kind: r.tool, cases: r.samples.length, failures: 0, errors: 0, skipped: 0, declaredTests: null, contradicts: false })),
  ];
  return plan;
}
