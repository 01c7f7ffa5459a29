import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { traceLinks, traceLinkStates, type TRACE_LINK_KINDS } from '@/db/schema';
import { suspectLinks, type Suspicion, type TraceLinkState } from '@/lib/traceability/suspect';
import { createProject, createUser } from '../setup/actors';
import { createRequirementRow, createSpecificationRow } from '../setup/trace-items';

/**
 * The SQL suspect rule (the trace_link_states view) and lib/traceability/suspect.ts must give the same answer on
 * the same links: every combination of clean and stale reviews over a small chain requirement → specification →
 * test case, plus hand-picked shapes (a cycle, a stale review above a clean one).
 */

type Kind = (typeof TRACE_LINK_KINDS)[number];
interface LinkSpec {
  name: string;
  kind: Kind;
  from: string;
  to: string;
}

async function world(links: readonly LinkSpec[]) {
  const owner = await createUser();
  const project = await createProject(owner);
  // Two requirements at version 3, two specifications at version 2; test cases are downstream ends only.
  const items: Record<string, { id: string; version: number }> = {
    R1: await createRequirementRow(project, { version: 3 }),
    R2: await createRequirementRow(project, { version: 3 }),
    S1: await createSpecificationRow(project, { version: 2 }),
    S2: await createSpecificationRow(project, { version: 2 }),
    T1: { id: randomUUID(), version: 1 },
    T2: { id: randomUUID(), version: 1 },
  };
  const ids: Record<string, string> = {};
  for (const link of links) {
    const [row] = await getDb()
      .insert(traceLinks)
      .values({
        projectId: project.id,
        kind: link.kind,
        upstreamId: items[link.from]!.id,
        downstreamId: items[link.to]!.id,
        reviewedVersion: items[link.from]!.version,
      })
      .returning({ id: traceLinks.id });
    ids[link.name] = row!.id;
  }
  return { project, items, ids };
}

/** Reviews each named link at its upstream's current version (clean) or one below (stale), in one statement. */
async function setReviews(ids: Record<string, string>, stale: ReadonlySet<string>) {
  const names = Object.keys(ids);
  const staleIds = names.filter((n) => stale.has(n)).map((n) => ids[n]!);
  await getDb().execute(sql`update trace_links l set reviewed_version = s.upstream_version - (case when l.id = any(${sql.param(staleIds)}::uuid[]) then 1 else 0 end)
    from trace_link_states s where s.id = l.id and l.id = any(${sql.param(names.map((n) => ids[n]!))}::uuid[])`);
}

async function sqlAnswer(projectId: string, ids: Record<string, string>) {
  const rows = await getDb().select().from(traceLinkStates).where(eq(traceLinkStates.projectId, projectId));
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  const states: TraceLinkState[] = rows.map((r) => ({
    id: r.id,
    upstreamId: r.upstreamId,
    downstreamId: r.downstreamId,
    reviewedVersion: r.reviewedVersion,
    upstreamVersion: r.upstreamVersion,
  }));
  const answer: Record<string, Suspicion> = {};
  for (const r of rows) if (r.suspect) answer[names.get(r.id)!] = r.directlySuspect ? 'direct' : 'inherited';
  return { states, answer, names };
}

function tsAnswer(states: TraceLinkState[], names: Map<string, string>) {
  return Object.fromEntries([...suspectLinks(states)].map(([id, s]) => [names.get(id)!, s]));
}

const CHAIN: LinkSpec[] = [
  { name: 'R1-S1', kind: 'requirement_specification', from: 'R1', to: 'S1' },
  { name: 'R2-S1', kind: 'requirement_specification', from: 'R2', to: 'S1' },
  { name: 'R1-S2', kind: 'requirement_specification', from: 'R1', to: 'S2' },
  { name: 'S1-T1', kind: 'specification_test_case', from: 'S1', to: 'T1' },
  { name: 'S2-T1', kind: 'specification_test_case', from: 'S2', to: 'T1' },
  { name: 'S2-T2', kind: 'specification_test_case', from: 'S2', to: 'T2' },
  { name: 'R2-T2', kind: 'requirement_test_case', from: 'R2', to: 'T2' },
];

describe('the SQL suspect rule answers like lib/traceability/suspect.ts', () => {
  test('every combination of clean and stale reviews over a requirement → specification → test case chain', async () => {
    const { project, ids } = await world(CHAIN);
    const names = CHAIN.map((l) => l.name);
    let inherited = 0;
    for (let mask = 0; mask < 1 << names.length; mask += 1) {
      const stale = new Set(names.filter((_, i) => mask & (1 << i)));
      await setReviews(ids, stale);
      const { states, answer, names: byId } = await sqlAnswer(project.id, ids);
      expect(answer, `stale: ${[...stale].join(', ') || 'none'}`).toEqual(tsAnswer(states, byId));
      inherited += Object.values(answer).filter((s) => s === 'inherited').length;
    }
    // The enumeration did exercise propagation, not only direct suspicion.
    expect(inherited).toBeGreaterThan(100);
  });

  test.each([
    {
      label: 'a changed requirement makes its specifications suspect and, through them, the test cases verifying them',
      stale: ['R1-S1'],
      expected: { 'R1-S1': 'direct', 'S1-T1': 'inherited' },
    },
    {
      label: 'reviewing the requirement link clears what it passed down',
      stale: [],
      expected: {},
    },
    {
      label: 'a changed specification makes only its own test-case links suspect',
      stale: ['S2-T2'],
      expected: { 'S2-T2': 'direct' },
    },
    {
      label: 'a requirement verified directly by a test case: that link is direct, nothing inherits from it',
      stale: ['R2-T2'],
      expected: { 'R2-T2': 'direct' },
    },
    {
      label: 'a link both stale itself and below a stale one counts as direct',
      stale: ['R1-S2', 'S2-T1'],
      expected: { 'R1-S2': 'direct', 'S2-T1': 'direct', 'S2-T2': 'inherited' },
    },
  ])('$label', async ({ stale, expected }) => {
    const { project, ids } = await world(CHAIN);
    await setReviews(ids, new Set(stale));
    const { states, answer, names } = await sqlAnswer(project.id, ids);
    expect(answer).toEqual(expected);
    expect(tsAnswer(states, names)).toEqual(expected);
  });

  test('a cycle of links terminates, and suspicion goes round it once', async () => {
    const links: LinkSpec[] = [
      { name: 'R1-S1', kind: 'requirement_specification', from: 'R1', to: 'S1' },
      { name: 'S1-S2', kind: 'specification_test_case', from: 'S1', to: 'S2' },
      { name: 'S2-S1', kind: 'specification_test_case', from: 'S2', to: 'S1' },
    ];
    const { project, ids } = await world(links);
    await setReviews(ids, new Set(['R1-S1']));
    const { states, answer, names } = await sqlAnswer(project.id, ids);
    expect(answer).toEqual({ 'R1-S1': 'direct', 'S1-S2': 'inherited', 'S2-S1': 'inherited' });
    expect(tsAnswer(states, names)).toEqual(answer);
  });

  test('a chain longer than the model allows: both rules stop two links below the change', async () => {
    // Links no action makes (specification → specification → requirement) exercise the bound of migration 0012.
    const links: LinkSpec[] = [
      { name: 'R1-S1', kind: 'requirement_specification', from: 'R1', to: 'S1' },
      { name: 'S1-S2', kind: 'specification_test_case', from: 'S1', to: 'S2' },
      { name: 'S2-R2', kind: 'specification_test_case', from: 'S2', to: 'R2' },
      { name: 'R2-T2', kind: 'requirement_test_case', from: 'R2', to: 'T2' },
    ];
    const { project, ids } = await world(links);
    await setReviews(ids, new Set(['R1-S1']));
    const { states, answer, names } = await sqlAnswer(project.id, ids);
    expect(answer).toEqual({ 'R1-S1': 'direct', 'S1-S2': 'inherited', 'S2-R2': 'inherited' });
    expect(tsAnswer(states, names)).toEqual(answer);
  });
});
