import { REF_PREFIXES } from '@/lib/traceability/refs';
import type { JUnitCase, JUnitOutcome } from './parse-junit';

/** A test case of the project, as matching needs it. */
export interface MatchableTestCase {
  id: string;
  number: number;
  title: string;
  automationKey: string;
}

/** A JUnit case with the file it came from. */
export interface SourcedCase extends JUnitCase {
  fileName: string;
}

/** How a JUnit case found its test case. */
export type MatchedBy = 'automationKey' | 'ref';

/** What a JUnit case is known by: `classname.name`, or the name alone when the classname is missing. */
export function automationKeyOf(c: Pick<JUnitCase, 'classname' | 'name'>): string {
  return c.classname ? `${c.classname}.${c.name}` : c.name;
}

const REF_PATTERN = new RegExp(`(?<![\\w-])${REF_PREFIXES.testCase}-(\\d{1,7})(?![\\w-])`, 'i');

/** A `CT-12` written in one of the case's properties (first) or in its name. */
export function refNumberOf(c: Pick<JUnitCase, 'name' | 'properties'>): number | null {
  for (const property of c.properties) {
    const match = REF_PATTERN.exec(property.value);
    if (match) return Number(match[1]);
  }
  const match = REF_PATTERN.exec(c.name);
  return match ? Number(match[1]) : null;
}

/** A 1-based step number given by a `step` (or `étape`) property: the case is the result of that step alone. */
export function stepIndexOf(c: Pick<JUnitCase, 'properties'>): number | null {
  const property = c.properties.find((p) => /^(step|etape|étape)$/i.test(p.name.trim()));
  const n = property ? Number(property.value.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 1 ? n - 1 : null;
}

export interface MatchedTestCase {
  testCaseId: string;
  cases: (SourcedCase & { matchedBy: MatchedBy })[];
}

export interface ProposedTestCase {
  automationKey: string;
  title: string;
  folder: string;
  cases: SourcedCase[];
}

export interface JUnitMatch {
  matched: MatchedTestCase[];
  /** Cases nothing matched and no test case can be proposed for (no name, or a ref to no test case). */
  unmatched: SourcedCase[];
  /** One automated test case per automation key nothing matched, to create if the person asks. */
  proposed: ProposedTestCase[];
}

/**
 * Matches JUnit cases to the project's test cases: an automation key equal to the case's `classname.name` (or to
 * its name), else a `CT-12` ref in a property or the name. Several cases may land on one test case (per-step
 * results, or the same test in several files). A case with a key nothing matches proposes a new automated test case
 * (one per key); a case that names a ref no test case has, or that has no name at all, stays unmatched.
 */
export function matchJUnitCases(cases: readonly SourcedCase[], testCases: readonly MatchableTestCase[]): JUnitMatch {
  const byKey = new Map<string, MatchableTestCase>();
  for (const tc of testCases) if (tc.automationKey && !byKey.has(tc.automationKey)) byKey.set(tc.automationKey, tc);
  const byNumber = new Map(testCases.map((tc) => [tc.number, tc]));
  const matched = new Map<string, MatchedTestCase>();
  const proposed = new Map<string, ProposedTestCase>();
  const unmatched: SourcedCase[] = [];
  for (const c of cases) {
    const key = automationKeyOf(c);
    const byAutomation = (key && byKey.get(key)) || (c.name && byKey.get(c.name));
    const ref = byAutomation ? null : refNumberOf(c);
    const target = byAutomation || (ref !== null ? byNumber.get(ref) : undefined);
    if (target) {
      let entry = matched.get(target.id);
      if (!entry) matched.set(target.id, (entry = { testCaseId: target.id, cases: [] }));
      entry.cases.push({ ...c, matchedBy: byAutomation ? 'automationKey' : 'ref' });
    } else if (ref === null && key) {
      let entry = proposed.get(key);
      if (!entry) proposed.set(key, (entry = { automationKey: key.slice(0, 200), title: (c.name || key).slice(0, 300), folder: folderOf(c), cases: [] }));
      entry.cases.push(c);
    } else unmatched.push(c);
  }
  return { matched: [...matched.values()], unmatched, proposed: [...proposed.values()] };
}

/** The folder a proposed test case goes in: "Automatisés" then its class (or its first suite), as a path. */
function folderOf(c: JUnitCase): string {
  const where = (c.classname || c.suitePath[0] || '').replace(/[/\\]+/g, '.').replace(/\s+/g, ' ').trim().slice(0, 200);
  return where ? `Automatisés/${where}` : 'Automatisés';
}

/**
 * The result several JUnit cases of one test case lead to: any error or failure fails it; all skipped means it did
 * not run (no execution); otherwise it passed.
 */
export function combinedOutcome(outcomes: readonly JUnitOutcome[]): 'passed' | 'failed' | 'skipped' {
  if (outcomes.some((o) => o === 'error' || o === 'failure')) return 'failed';
  if (outcomes.every((o) => o === 'skipped')) return 'skipped';
  return 'passed';
}
