/**
 * The pages `npm run bench:pages` measures. Add a row when a page appears (campaign dashboard, runner, anomalies,
 * approvals, readiness…): `path` gets the project being measured, so the same row serves the small and the large one.
 */
export interface BenchProject {
  key: string;
  /** A requirement and a specification of that project with links, for the detail pages. */
  requirementRef: string;
  specificationRef: string;
  /** A test case with steps and links, and an anomaly with events, for their pages. */
  testCaseRef: string;
  anomalyRef: string;
  /** The pending approval request (its review page) and the baseline it asks about. */
  approvalNumber: number;
  baselineNumber: number;
  /** The release already in production (its go-live, VSR period and production anomalies). */
  goLiveReleaseNumber: number;
}

/** What the benchmark opens on each seeded project (seed:large: CHARGE is large, PETIT is demo-sized). */
export const LARGE_BENCH_PROJECT: BenchProject = {
  key: 'CHARGE',
  requirementRef: 'EXF-1000',
  specificationRef: 'STD-1000',
  testCaseRef: 'CT-1000',
  anomalyRef: 'ANO-1000',
  approvalNumber: 3,
  baselineNumber: 2,
  goLiveReleaseNumber: 2,
};
export const SMALL_BENCH_PROJECT: BenchProject = {
  key: 'PETIT',
  requirementRef: 'EXF-5',
  specificationRef: 'STD-1',
  testCaseRef: 'CT-1',
  anomalyRef: 'ANO-1',
  approvalNumber: 2,
  baselineNumber: 2,
  goLiveReleaseNumber: 2,
};

export interface BenchPage {
  name: string;
  path: (project: BenchProject) => string;
  /** `health`: the physical floor (anonymous); `floor`: the signed-in floor; `heavy`: held to ≤ 2× the floor. */
  kind: 'health' | 'floor' | 'heavy';
}

const project = (p: BenchProject, rest = '') => `/projects/${p.key}${rest}`;

export const BENCH_PAGES: BenchPage[] = [
  { name: 'health (/api/health)', kind: 'health', path: () => '/api/health' },
  { name: 'floor (/profile)', kind: 'floor', path: () => '/profile' },
  { name: 'notifications (feed)', kind: 'heavy', path: () => '/notifications' },
  { name: 'project import (form)', kind: 'heavy', path: () => '/projects/import' },
  { name: 'project home', kind: 'heavy', path: (p) => project(p) },
  { name: 'requirements (tree)', kind: 'heavy', path: (p) => project(p, '/requirements') },
  { name: 'requirements (flat list)', kind: 'heavy', path: (p) => project(p, '/requirements?view=flat') },
  { name: 'requirement detail', kind: 'heavy', path: (p) => project(p, `/requirements/${p.requirementRef}`) },
  { name: 'specifications', kind: 'heavy', path: (p) => project(p, '/specifications') },
  { name: 'specification detail', kind: 'heavy', path: (p) => project(p, `/specifications/${p.specificationRef}`) },
  { name: 'traceability matrix', kind: 'heavy', path: (p) => project(p, '/traceability') },
  { name: '"À revoir" (suspect links)', kind: 'heavy', path: (p) => project(p, '/traceability/review') },
  { name: 'journal', kind: 'heavy', path: (p) => project(p, '/audit') },
  { name: 'test cases', kind: 'heavy', path: (p) => project(p, '/test-cases') },
  { name: 'test case detail', kind: 'heavy', path: (p) => project(p, `/test-cases/${p.testCaseRef}`) },
  { name: 'test case history', kind: 'heavy', path: (p) => project(p, `/test-cases/${p.testCaseRef}/history`) },
  { name: 'test case edit', kind: 'heavy', path: (p) => project(p, `/test-cases/${p.testCaseRef}/edit`) },
  { name: 'campaigns', kind: 'heavy', path: (p) => project(p, '/campaigns') },
  { name: 'campaign detail', kind: 'heavy', path: (p) => project(p, '/campaigns/1') },
  { name: 'campaign runner', kind: 'heavy', path: (p) => project(p, '/campaigns/1/run') },
  { name: 'anomalies', kind: 'heavy', path: (p) => project(p, '/anomalies') },
  { name: 'anomaly detail', kind: 'heavy', path: (p) => project(p, `/anomalies/${p.anomalyRef}`) },
  { name: 'anomaly edit', kind: 'heavy', path: (p) => project(p, `/anomalies/${p.anomalyRef}/edit`) },
  { name: 'new anomaly', kind: 'heavy', path: (p) => project(p, '/anomalies/new') },
  { name: 'approvals ("À approuver")', kind: 'heavy', path: (p) => project(p, '/approvals') },
  { name: 'approval review (pending request)', kind: 'heavy', path: (p) => project(p, `/approvals/${p.approvalNumber}`) },
  { name: 'baselines (freeze form)', kind: 'heavy', path: (p) => project(p, '/approvals/baselines') },
  { name: 'baseline', kind: 'heavy', path: (p) => project(p, `/approvals/baselines/${p.baselineNumber}`) },
  { name: 'RACI', kind: 'heavy', path: (p) => project(p, '/approvals/raci') },
  { name: 'releases (go-live)', kind: 'heavy', path: (p) => project(p, '/readiness') },
  { name: 'release readiness (criteria, proposed decision)', kind: 'heavy', path: (p) => project(p, '/readiness/1') },
  { name: 'release go-live and VSR', kind: 'heavy', path: (p) => project(p, `/readiness/${p.goLiveReleaseNumber}/go-live`) },
  { name: 'import requirements', kind: 'heavy', path: (p) => project(p, '/imports/requirements') },
  { name: 'import test cases', kind: 'heavy', path: (p) => project(p, '/imports/test-cases') },
  // Not a project page: the same on both projects, measured once per run like the floor.
  { name: 'API documentation', kind: 'heavy', path: () => '/api-docs' },
];
