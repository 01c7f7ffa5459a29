import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import { changeMemberRole, removeMember } from '@/app/(app)/projects/[projectKey]/settings/actions';
import * as specificationActions from '@/app/(app)/projects/[projectKey]/specifications/actions';
import { actAs, addMembership, createProjectWithMembers, createUser } from '../setup/actors';
import { queryRows } from '../setup/db-state';
import { loose } from '../setup/server-actions';
import { createRequirementRow, createSpecificationRow, requirementById, specificationById } from '../setup/trace-items';

/**
 * Concurrent saves with different contents (DESIGN.md §7): the security concurrency suite sends the same input
 * several times; here every caller types something else over the same version, so "nothing lost" can be read in
 * the rows — the row holds the one winner's text and the history gained exactly one version. On PostgreSQL (CI's
 * integration pass) the calls really run at once on separate connections; on PGlite they queue on one.
 */

const updateRequirement = loose(requirementActions.updateRequirement);
const updateSpecification = loose(specificationActions.updateSpecification);
const changeRole = loose(changeMemberRole);
const remove = loose(removeMember);
type Result = { ok: boolean; code?: string };

const PARALLEL = 8;

async function historyVersions(table: 'requirement_versions' | 'specification_versions', column: string, id: string) {
  const rows = await queryRows<{ version: number; snapshot: { title: string } }>(
    sql`select version, snapshot from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id} order by version`,
  );
  return rows;
}

function splitOutcomes(results: Result[]) {
  const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
  const losers = results.filter((r) => !r.ok).map((r) => r.code);
  return { winners, losers };
}

describe('parallel saves of the same item with the same version and different contents', () => {
  test('requirement: one wins, the others get a conflict, the row and the history hold the winner only', async () => {
    const { project, members } = await createProjectWithMembers();
    const requirement = await createRequirementRow(project, { title: 'Titre initial', createdBy: members.owner.id });
    await actAs(members.owner);
    const titles = Array.from({ length: PARALLEL }, (_, i) => `Rédaction concurrente ${i}`);
    const results = (await Promise.all(
      titles.map((title) =>
        updateRequirement({
          projectKey: project.key,
          id: requirement.id,
          revision: 1,
          title,
          statement: `Énoncé ${title}`,
          rationale: '',
          acceptanceCriteria: '',
          priority: 'must',
          status: 'draft',
          source: '',
          tags: '',
          parentId: '',
        }),
      ),
    )) as Result[];
    const { winners, losers } = splitOutcomes(results);
    expect(winners, JSON.stringify(results[0])).toHaveLength(1);
    expect(losers).toEqual(Array(PARALLEL - 1).fill('conflict'));
    const winner = titles[winners[0]!]!;
    expect(await requirementById(requirement.id)).toMatchObject({ version: 2, title: winner, statement: `Énoncé ${winner}` });
    const history = await historyVersions('requirement_versions', 'requirement_id', requirement.id);
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(history[1]!.snapshot.title).toBe(winner);
  });

  test('specification: one wins, the others get a conflict, the row and the history hold the winner only', async () => {
    const { project, members } = await createProjectWithMembers();
    const specification = await createSpecificationRow(project, { title: 'Architecture', createdBy: members.owner.id });
    await actAs(members.owner);
    const bodies = Array.from({ length: PARALLEL }, (_, i) => `# Vue ${i}\n\nVersion concurrente ${i}.`);
    const results = (await Promise.all(
      bodies.map((body, i) =>
        updateSpecification({ projectKey: project.key, id: specification.id, revision: 1, title: `Architecture ${i}`, body, category: 'architecture' }),
      ),
    )) as Result[];
    const { winners, losers } = splitOutcomes(results);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual(Array(PARALLEL - 1).fill('conflict'));
    const w = winners[0]!;
    expect(await specificationById(specification.id)).toMatchObject({ version: 2, title: `Architecture ${w}`, body: bodies[w] });
    const history = await historyVersions('specification_versions', 'specification_id', specification.id);
    expect(history.map((h) => [h.version, h.snapshot.title])).toEqual([
      [1, 'Architecture'],
      [2, `Architecture ${w}`],
    ]);
  });
});

/**
 * Two owners, and the first one at once steps down (or leaves) and demotes (or removes) the other: whichever runs
 * first wins; the second is refused — a conflict when it would leave no owner, or forbidden / not found when the
 * first took the actor's own right to manage the project. Never zero owners.
 */
describe('concurrent member changes keep the last owner', () => {
  async function ownersOf(projectId: string): Promise<string[]> {
    const rows = await queryRows<{ user_id: string }>(
      sql`select user_id from project_members where project_id = ${projectId} and role = 'owner' order by user_id`,
    );
    return rows.map((r) => r.user_id);
  }

  test.each([
    ['both owners demoted at once', 'demote', 'demote'],
    ['one demoted while the other is removed', 'demote', 'remove'],
    ['both owners removed at once', 'remove', 'remove'],
  ] as const)('%s: exactly one succeeds, the other is refused, one owner stays', async (_label, first, second) => {
    for (let round = 0; round < 5; round += 1) {
      const { project, members } = await createProjectWithMembers();
      const other = await createUser({ name: 'Second propriétaire' });
      await addMembership(project, other, 'owner');
      await actAs(members.owner);
      const act = (kind: 'demote' | 'remove', userId: string) =>
        kind === 'demote' ? changeRole({ projectKey: project.key, userId, role: 'amoe' }) : remove({ projectKey: project.key, userId });
      const results = (await Promise.all([act(first, members.owner.id), act(second, other.id)])) as Result[];
      const { winners, losers } = splitOutcomes(results);
      expect(winners, JSON.stringify(results)).toHaveLength(1);
      expect(['conflict', 'forbidden', 'not_found']).toContain(losers[0]);
      expect(await ownersOf(project.id)).toEqual([winners[0] === 0 ? other.id : members.owner.id]);
    }
  });
});
