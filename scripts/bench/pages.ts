/**
 * The pages `npm run bench:pages` measures. Add a row when a page appears (campaign dashboard, runner, anomalies,
 * approvals, readiness…): `path` gets the project being measured, so the same row serves the small and the large one.
 */
export interface BenchProject {
  key: string;
  /** A requirement and a specification of that project with links, for the detail pages. */
  requirementRef: string;
  specificationRef: string;
}

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
  { name: 'project home', kind: 'heavy', path: (p) => project(p) },
  { name: 'requirements (tree)', kind: 'heavy', path: (p) => project(p, '/requirements') },
  { name: 'requirements (flat list)', kind: 'heavy', path: (p) => project(p, '/requirements?view=flat') },
  { name: 'requirement detail', kind: 'heavy', path: (p) => project(p, `/requirements/${p.requirementRef}`) },
  { name: 'specifications', kind: 'heavy', path: (p) => project(p, '/specifications') },
  { name: 'specification detail', kind: 'heavy', path: (p) => project(p, `/specifications/${p.specificationRef}`) },
  { name: 'traceability matrix', kind: 'heavy', path: (p) => project(p, '/traceability') },
  { name: '"À revoir" (suspect links)', kind: 'heavy', path: (p) => project(p, '/traceability/review') },
  { name: 'journal', kind: 'heavy', path: (p) => project(p, '/audit') },
];
