import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { requirements, specifications, traceLinks, traceLinkStates } from '@/db/schema';
import { createProject, createUser } from '../setup/actors';
import { createRequirementRow, createSpecificationRow } from '../setup/trace-items';

/**
 * trace_links.upstream_version, which the suspect rule reads (migration 0026), is the database's to keep: it follows
 * every version change of the upstream item, writers cannot set it, and a link written while its upstream item is
 * being saved ends with the version that save commits. On PostgreSQL (CI's integration pass) the two transactions
 * of the last test really overlap; on PGlite they queue on its one connection.
 */

async function world() {
  const owner = await createUser();
  const project = await createProject(owner);
  const requirement = await createRequirementRow(project, { version: 3 });
  const specification = await createSpecificationRow(project, { version: 2 });
  return { project, requirement, specification };
}

async function stateOf(linkId: string) {
  const [state] = await getDb()
    .select({ upstreamVersion: traceLinkStates.upstreamVersion, suspect: traceLinkStates.suspect })
    .from(traceLinkStates)
    .where(eq(traceLinkStates.id, linkId));
  return state;
}

describe('the upstream version a link carries', () => {
  test('is taken from the item on insert, whatever the writer sends, and refused for an unknown item', async () => {
    const { project, requirement } = await world();
    const [link] = await getDb()
      .insert(traceLinks)
      .values({ projectId: project.id, kind: 'requirement_specification', upstreamId: requirement.id, downstreamId: crypto.randomUUID(), reviewedVersion: 3, upstreamVersion: 99 })
      .returning({ id: traceLinks.id });
    expect(await stateOf(link!.id)).toEqual({ upstreamVersion: 3, suspect: false });

    await getDb().execute(sql`update trace_links set upstream_version = 0 where id = ${link!.id}`);
    expect(await stateOf(link!.id)).toEqual({ upstreamVersion: 3, suspect: false });

    await expect(
      getDb()
        .insert(traceLinks)
        .values({ projectId: project.id, kind: 'requirement_specification', upstreamId: crypto.randomUUID(), downstreamId: crypto.randomUUID(), reviewedVersion: 1 }),
    ).rejects.toMatchObject({ cause: { code: '23503' } });
  });

  test('follows every version change of a requirement or a specification, and the inherited suspicion with it', async () => {
    const { project, requirement, specification } = await world();
    const testCaseId = crypto.randomUUID();
    const [above] = await getDb()
      .insert(traceLinks)
      .values({ projectId: project.id, kind: 'requirement_specification', upstreamId: requirement.id, downstreamId: specification.id, reviewedVersion: 3 })
      .returning({ id: traceLinks.id });
    const [below] = await getDb()
      .insert(traceLinks)
      .values({ projectId: project.id, kind: 'specification_test_case', upstreamId: specification.id, downstreamId: testCaseId, reviewedVersion: 2 })
      .returning({ id: traceLinks.id });

    await getDb().update(requirements).set({ version: 4 }).where(eq(requirements.id, requirement.id));
    expect(await stateOf(above!.id)).toEqual({ upstreamVersion: 4, suspect: true });
    expect(await stateOf(below!.id)).toEqual({ upstreamVersion: 2, suspect: true });

    // Reviewed again at the new version: neither is suspect any more.
    await getDb().update(traceLinks).set({ reviewedVersion: 4 }).where(eq(traceLinks.id, above!.id));
    expect(await stateOf(below!.id)).toEqual({ upstreamVersion: 2, suspect: false });

    await getDb().update(specifications).set({ version: 3 }).where(eq(specifications.id, specification.id));
    expect(await stateOf(below!.id)).toEqual({ upstreamVersion: 3, suspect: true });
    // A write that leaves the version alone leaves the links alone.
    await getDb().update(specifications).set({ title: 'Renommée' }).where(eq(specifications.id, specification.id));
    expect(await stateOf(below!.id)).toEqual({ upstreamVersion: 3, suspect: true });
  });

  test('a link written while its upstream item is being saved ends suspect, not at the version the save replaced', async () => {
    const { project, requirement, specification } = await world();
    let saved!: () => void;
    const versionWritten = new Promise<void>((resolve) => (saved = resolve));
    // The save bumps the version, then stays open while the link is written beside it (reviewed at the version
    // the writer read, 3, before the save commits).
    const save = getDb().transaction(async (tx) => {
      await tx.update(requirements).set({ version: 4 }).where(eq(requirements.id, requirement.id));
      saved();
      await sleep(300);
    });
    const link = (async () => {
      await Promise.race([versionWritten, sleep(100)]);
      const [row] = await getDb()
        .insert(traceLinks)
        .values({ projectId: project.id, kind: 'requirement_specification', upstreamId: requirement.id, downstreamId: specification.id, reviewedVersion: 3 })
        .returning({ id: traceLinks.id });
      return row!.id;
    })();
    const [, linkId] = await Promise.all([save, link]);
    expect(await stateOf(linkId)).toEqual({ upstreamVersion: 4, suspect: true });
  });
});
