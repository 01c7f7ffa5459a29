/**
 * The performance budgets of issue 6, checked on one benchmark run (large project, 16 connections). Pure: the
 * benchmark script measures, this decides; a budget with nothing measured is reported as such, never as a pass.
 */
export const BUDGETS = {
  /** A heavy page's p97.5 against the signed-in floor's, same run. */
  pageToFloor: 2,
  /** The signed-in floor's p97.5 against the bare health route's. */
  floorToHealth: 3,
  htmlBytes: 300_000,
  firstLoadJsGzipBytes: 200_000,
} as const;

export interface PageMeasure {
  name: string;
  /** p97.5 latency at the budget's connection count, ms; null when no request was answered. */
  p97_5: number | null;
  htmlBytes: number;
  /** Whether the budget "≤ 2× the floor" applies (the floor and the health route are the references). */
  heavy: boolean;
  failedRequests: number;
}

export interface BudgetInput {
  healthP97_5: number | null;
  floorP97_5: number | null;
  pages: PageMeasure[];
  /** SQL statements per page on the small and the large project; null where not counted. */
  statements: { name: string; small: number | null; large: number | null }[];
  /** First-load JS per route, gzip bytes. */
  routes: { route: string; gzipBytes: number }[];
}

export interface BudgetCheck {
  budget: string;
  subject: string;
  measured: string;
  limit: string;
  pass: boolean;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export function ratio(value: number, reference: number | null): number | null {
  return reference && reference > 0 ? value / reference : null;
}

export function evaluateBudgets(input: BudgetInput): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const floorRatio = input.floorP97_5 === null ? null : ratio(input.floorP97_5, input.healthP97_5);
  checks.push({
    budget: 'floor p97.5 ≤ 3× health',
    subject: 'signed-in floor',
    measured: floorRatio === null ? 'not measured' : `${floorRatio.toFixed(2)}× (${ms(input.floorP97_5!)} vs ${ms(input.healthP97_5!)})`,
    limit: `${BUDGETS.floorToHealth}×`,
    pass: floorRatio !== null && floorRatio <= BUDGETS.floorToHealth,
  });
  for (const page of input.pages) {
    if (page.failedRequests > 0) {
      checks.push({ budget: 'every request answered 2xx', subject: page.name, measured: `${page.failedRequests} failed`, limit: '0', pass: false });
    }
    if (page.heavy) {
      const r = page.p97_5 === null ? null : ratio(page.p97_5, input.floorP97_5);
      checks.push({
        budget: 'p97.5 ≤ 2× floor',
        subject: page.name,
        measured: page.p97_5 === null ? 'no answer' : r === null ? 'no floor measured' : `${r.toFixed(2)}× (${ms(page.p97_5)})`,
        limit: `${BUDGETS.pageToFloor}×`,
        pass: r !== null && r <= BUDGETS.pageToFloor,
      });
    }
    checks.push({
      budget: 'HTML ≤ 300 kB',
      subject: page.name,
      measured: kB(page.htmlBytes),
      limit: kB(BUDGETS.htmlBytes),
      pass: page.htmlBytes <= BUDGETS.htmlBytes,
    });
  }
  for (const row of input.statements) {
    const counted = row.small !== null && row.large !== null;
    checks.push({
      budget: 'same SQL count small/large',
      subject: row.name,
      measured: counted ? `${row.small} / ${row.large}` : 'not counted',
      limit: 'equal',
      pass: counted && row.small === row.large,
    });
  }
  for (const route of input.routes) {
    checks.push({
      budget: 'first-load JS ≤ 200 kB gzip',
      subject: route.route,
      measured: kB(route.gzipBytes),
      limit: kB(BUDGETS.firstLoadJsGzipBytes),
      pass: route.gzipBytes <= BUDGETS.firstLoadJsGzipBytes,
    });
  }
  return checks;
}
