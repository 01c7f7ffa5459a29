import { describe, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { listRequirements } from '@/db/queries/requirements';
import { requirementVerification } from '@/db/queries/test-cases';
import { listTraceabilityMatrix, traceabilitySummary } from '@/db/queries/traceability-pages';
import type { ExecutionStatus } from '@/lib/recette/campaign-model';
import type { SpecificationStatus } from '@/lib/specifications/model';
import { COVERAGE_STATES, coverageState, latestResult, type CoverageState, type RecordedRun } from '@/lib/traceability/coverage';
import { createProject, createUser } from '../setup/actors';
import { createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow, createTestLink } from '../setup/trace-items';

/**
 * The SQL coverage rule (db/queries/coverage.ts, read by the requirement list, the matrix, its filter and the
 * summary) and lib/traceability/coverage.ts must give the same answer on the same requirements: every pair of run
 * histories for a requirement's two test cases (one through an approved or draft specification, one linked
 * directly), with runs spread over two campaigns. The TypeScript side reads nothing the SQL computed: it works
 * from the histories written here.
 */

/** A test case's runs, oldest first: each in its own campaign, a minute apart. */
const HISTORIES: Record<string, ExecutionStatus[]> = {
  never: [],
  passed: ['passed'],
  failed: ['failed'],
  blocked: ['blocked'],
  'failed then passed': ['failed', 'passed'],
  'passed then failed': ['passed', 'failed'],
  'passed, retest in progress': ['passed', 'in_progress'],
};
const NAMES = Object.keys(HISTORIES);
const BASE = Date.UTC(2026, 2, 2, 8, 0);

interface Design {
  title: string;
  spec: SpecificationStatus;
  viaSpec: string;
  direct: string;
}

async function world() {
  const owner = await createUser();
  const project = await createProject(owner);
  const campaigns = [
    await createCampaignRow(project, { status: 'closed', name: 'VABF' }),
    await createCampaignRow(project, { status: 'in_progress', name: 'Non-régression' }),
  ];
  const designs: Design[] = [];
  const runs = new Map<string, RecordedRun[]>();
  // Every pair through an approved specification; through a draft, enough pairs to see it is never verified.
  const pairs = [
    ...NAMES.flatMap((viaSpec) => NAMES.map((direct) => ['approved', viaSpec, direct] as const)),
    ...(['passed', 'failed'] as const).flatMap((viaSpec) => (['passed', 'never'] as const).map((direct) => ['draft', viaSpec, direct] as const)),
  ];
  for (const [spec, viaSpec, direct] of pairs) {
    const title = `${spec} · ${viaSpec} · ${direct}`;
    designs.push({ title, spec, viaSpec, direct });
    const requirement = await createRequirementRow(project, { title });
    const specification = await createSpecificationRow(project, { status: spec });
    await createLink(project, requirement, specification);
    const cases = [
      { history: HISTORIES[viaSpec]!, testCase: await createTestCaseRow(project), upstream: specification, from: 'specification' as const },
      { history: HISTORIES[direct]!, testCase: await createTestCaseRow(project), upstream: requirement, from: 'requirement' as const },
    ];
    for (const { history, testCase, upstream, from } of cases) {
      await createTestLink(project, upstream, testCase, { from });
      const recorded: RecordedRun[] = [];
      for (const [i, status] of history.entries()) {
        const campaign = campaigns[i]!;
        const item = await createItemRow(campaign, project, testCase);
        const startedAt = new Date(BASE + i * 60_000);
        const row = await createExecutionRow(item, campaign, project, testCase, { status, startedAt });
        recorded.push({ id: row.id, status, startedAt });
      }
      runs.set(`${title}#${from}`, recorded);
    }
  }
  return { project, designs, runs };
}

function expected(design: Design, runs: Map<string, RecordedRun[]>): CoverageState {
  const results = (['specification', 'requirement'] as const).map((from) => latestResult(runs.get(`${design.title}#${from}`)!));
  return coverageState([{ status: design.spec, suspect: false }], {
    testCases: 2,
    suspect: false,
    passed: results.filter((r) => r === 'passed').length,
    failed: results.filter((r) => r === 'failed').length,
  });
}

describe('the SQL coverage rule answers like lib/traceability/coverage.ts', () => {
  // A hundred-odd requirements written row by row: more than the default budget on a loaded machine.
  test('every pair of run histories, through an approved or a draft specification, on every read', { timeout: 180_000 }, async () => {
    const { project, designs, runs } = await world();
    const db = getDb();
    const want = Object.fromEntries(designs.map((d) => [d.title, expected(d, runs)]));

    const list = await listRequirements(db, project.id, { pageSize: 0 });
    expect(Object.fromEntries(list.rows.map((r) => [r.title, r.coverage]))).toEqual(want);
    // A page of the list (the page's own ids, read before any link) answers like the whole list.
    const page = await listRequirements(db, project.id, { page: 2, pageSize: 20 });
    for (const row of page.rows) expect(row.coverage, row.title).toBe(want[row.title]);

    const matrix = await listTraceabilityMatrix(db, project.id);
    expect(Object.fromEntries(matrix.rows.map((r) => [r.title, r.coverage]))).toEqual(want);
    const window = await listTraceabilityMatrix(db, project.id, {}, { offset: 30, limit: 25 });
    for (const row of window.rows) expect(row.coverage, row.title).toBe(want[row.title]);

    // The requirement page's path: its own verification read, then the TypeScript rule.
    for (const row of list.rows.slice(0, 20)) {
      const design = designs.find((d) => d.title === row.title)!;
      const verification = await requirementVerification(db, project.id, row.id);
      expect(coverageState([{ status: design.spec, suspect: false }], verification), row.title).toBe(want[row.title]);
    }

    const count = (state: CoverageState) => Object.values(want).filter((s) => s === state).length;
    for (const state of COVERAGE_STATES) {
      const filtered = await listTraceabilityMatrix(db, project.id, { coverage: state });
      expect(filtered.total, state).toBe(count(state));
      expect(new Set(filtered.rows.map((r) => want[r.title]))).toEqual(new Set(count(state) ? [state] : []));
      const listed = await listRequirements(db, project.id, { coverage: state, pageSize: 0 });
      expect(listed.total, state).toBe(count(state));
    }
    expect(await traceabilitySummary(db, project.id)).toMatchObject({
      verified: count('verified'),
      failed: count('failed'),
      covered: count('covered'),
      uncovered: count('uncovered'),
      suspect: 0,
    });

    // Written out by hand too, so both sides cannot drift the same wrong way.
    expect(want).toMatchObject({
      'approved · passed · passed': 'verified',
      'approved · failed then passed · passed, retest in progress': 'verified',
      'approved · passed · never': 'covered',
      'approved · passed · blocked': 'covered',
      'approved · passed then failed · passed': 'failed',
      'draft · failed · passed': 'failed',
      'draft · passed · passed': 'uncovered',
    });
    // The matrix shows each test case's latest recorded result, via the specification first (lower number).
    const results = (title: string) => matrix.rows.find((r) => r.title === title)!.testCases.map(([, suspect, result]) => [suspect, result]);
    expect(results('approved · passed then failed · passed, retest in progress')).toEqual([
      [false, 'failed'],
      [false, 'passed'],
    ]);
    expect(results('approved · never · blocked')).toEqual([
      [false, null],
      [false, 'blocked'],
    ]);
    // Every state but suspect is reached (suspicion is the suspect rule's own test).
    expect(new Set(Object.values(want))).toEqual(new Set(COVERAGE_STATES.filter((s) => s !== 'suspect')));
  });
});
