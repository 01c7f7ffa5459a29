import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { updateRequirement } from '@/app/(app)/projects/[projectKey]/requirements/actions';
import { updateSpecification } from '@/app/(app)/projects/[projectKey]/specifications/actions';
import {
  linkRequirementToSpecification,
  removeTraceLink,
  reviewTraceLink,
} from '@/app/(app)/projects/[projectKey]/traceability/actions';
import { getDb } from '@/db/client';
import { listRequirements } from '@/db/queries/requirements';
import { listSpecifications } from '@/db/queries/specifications';
import { requirementVerification } from '@/db/queries/test-cases';
import {
  findRequirementSpecificationLink,
  listRequirementsOfSpecification,
  listSpecificationsOfRequirement,
  listSuspectLinks,
} from '@/db/queries/trace-links';
import type { SpecificationStatus } from '@/lib/specifications/model';
import { coverageState, type CoverageState } from '@/lib/traceability/coverage';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { auditRowsSince, countRows, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import {
  createLink,
  createRequirementRow,
  createSpecificationRow,
  requirementById,
  traceLinkById,
  type RequirementRow,
  createTestCaseRow,
  createTestLink,
  verifySpecification,
} from '../setup/trace-items';

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; details?: unknown };

async function expectOk(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data!;
}

/** The AMOA edits a requirement through the action (as the form does), changing the given fields. */
async function editRequirement(projectKey: string, requirementId: string, changes: Record<string, unknown>) {
  const current = (await requirementById(requirementId))!;
  return updateRequirement({
    projectKey,
    id: current.id,
    revision: current.revision,
    title: current.title,
    statement: current.statement,
    rationale: current.rationale,
    acceptanceCriteria: current.acceptanceCriteria,
    priority: current.priority,
    status: current.status,
    source: current.source,
    tags: current.tags,
    parentId: current.parentId ?? '',
    ...changes,
  });
}

async function coverageOf(projectId: string): Promise<Map<number, CoverageState>> {
  const { rows } = await listRequirements(getDb(), projectId, { pageSize: 0 });
  return new Map(rows.map((r) => [r.number, r.coverage]));
}

describe('trace links and suspect links', () => {
  async function setup() {
    const { project, members } = await createProjectWithMembers();
    const requirement = await createRequirementRow(project, { title: 'Calcul de la paie', statement: 'Versement le 28.', version: 2 });
    const specification = await createSpecificationRow(project, { title: 'Moteur de paie', status: 'approved' });
    // A test case verifies the specification, so a clean link to it makes the requirement covered.
    await verifySpecification(project, specification);
    return { project, members, requirement, specification };
  }

  test('a new link is reviewed against the requirement as it stands, by its author, and is not suspect', async () => {
    const { project, members, requirement, specification } = await setup();
    await actAs(members.amoe);
    const since = await maxAuditId();
    const { linkId } = await expectOk(
      linkRequirementToSpecification({ projectKey: project.key, requirementId: requirement.id, specificationId: specification.id }),
    );
    expect(await traceLinkById(linkId as string)).toMatchObject({
      kind: 'requirement_specification',
      projectId: project.id,
      upstreamId: requirement.id,
      downstreamId: specification.id,
      reviewedVersion: 2,
      reviewedBy: members.amoe.id,
      createdBy: members.amoe.id,
    });
    expect(await listSuspectLinks(getDb(), project.id)).toEqual([]);
    expect(await listSpecificationsOfRequirement(getDb(), project.id, requirement.id)).toEqual([
      expect.objectContaining({ linkId, itemId: specification.id, reviewedVersion: 2, currentVersion: 2, suspect: false }),
    ]);
    expect(await listRequirementsOfSpecification(getDb(), project.id, specification.id)).toEqual([
      expect.objectContaining({ linkId, itemId: requirement.id, suspect: false }),
    ]);
    expect((await coverageOf(project.id)).get(requirement.number)).toBe('covered');
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.action, r.entity_id, r.actor_id])).toEqual([
      ['trace_link', 'create', linkId, members.amoe.id],
    ]);
  });

  test('linking the same pair twice is a conflict and adds nothing', async () => {
    const { project, members, requirement, specification } = await setup();
    await actAs(members.owner);
    const input = { projectKey: project.key, requirementId: requirement.id, specificationId: specification.id };
    await expectOk(linkRequirementToSpecification(input));
    const before = await snapshotTables();
    expect(await linkRequirementToSpecification(input)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await snapshotTables()).toEqual(before);
  });

  test('a requirement linked to many specifications, and a specification to many requirements', async () => {
    const { project, members, requirement, specification } = await setup();
    const spec2 = await createSpecificationRow(project);
    const req2 = await createRequirementRow(project);
    await actAs(members.amoe);
    for (const [r, s] of [
      [requirement, specification],
      [requirement, spec2],
      [req2, specification],
    ] as const) {
      await expectOk(linkRequirementToSpecification({ projectKey: project.key, requirementId: r.id, specificationId: s.id }));
    }
    expect((await listSpecificationsOfRequirement(getDb(), project.id, requirement.id)).map((l) => l.itemId)).toEqual([specification.id, spec2.id]);
    expect((await listRequirementsOfSpecification(getDb(), project.id, specification.id)).map((l) => l.itemId)).toEqual([requirement.id, req2.id]);
  });

  test('a content change of the requirement makes its links suspect everywhere they are shown', async () => {
    const { project, members, requirement, specification } = await setup();
    const otherSpec = await createSpecificationRow(project, { title: 'Spécification sans rapport', status: 'approved' });
    const otherReq = await createRequirementRow(project);
    const link = await createLink(project, requirement, specification);
    const untouched = await createLink(project, otherReq, otherSpec);
    await verifySpecification(project, otherSpec);

    await actAs(members.amoa);
    expect(await expectOk(editRequirement(project.key, requirement.id, { statement: 'Versement le 30.' }))).toMatchObject({ version: 3 });

    const suspects = await listSuspectLinks(getDb(), project.id);
    expect(suspects).toEqual([
      expect.objectContaining({ linkId: link.id, requirementNumber: requirement.number, specificationNumber: specification.number, reviewedVersion: 2, requirementVersion: 3 }),
    ]);
    expect(await listSpecificationsOfRequirement(getDb(), project.id, requirement.id)).toEqual([
      expect.objectContaining({ linkId: link.id, suspect: true, reviewedVersion: 2, currentVersion: 3 }),
    ]);
    expect(await listRequirementsOfSpecification(getDb(), project.id, specification.id)).toEqual([
      expect.objectContaining({ linkId: link.id, suspect: true }),
    ]);
    expect(await findRequirementSpecificationLink(getDb(), project.id, link.id)).toMatchObject({ suspect: true, requirementVersion: 3 });
    expect(await findRequirementSpecificationLink(getDb(), project.id, untouched.id)).toMatchObject({ suspect: false });
    const coverage = await coverageOf(project.id);
    expect(coverage.get(requirement.number)).toBe('suspect');
    expect(coverage.get(otherReq.number)).toBe('covered');
    const specs = await listSpecifications(getDb(), project.id);
    expect(specs.rows.find((s) => s.id === specification.id)).toMatchObject({ requirementCount: 1, suspectCount: 1 });
    expect(specs.rows.find((s) => s.id === otherSpec.id)).toMatchObject({ requirementCount: 1, suspectCount: 0 });
    expect((await listSpecifications(getDb(), project.id, { suspect: true })).rows.map((s) => s.id)).toEqual([specification.id]);
  });

  test('a status-only change of the requirement does not make its links suspect', async () => {
    const { project, members, requirement, specification } = await setup();
    const link = await createLink(project, requirement, specification);
    await actAs(members.amoa);
    expect(await expectOk(editRequirement(project.key, requirement.id, { status: 'validated' }))).toMatchObject({ version: 2 });
    expect(await listSuspectLinks(getDb(), project.id)).toEqual([]);
    expect(await findRequirementSpecificationLink(getDb(), project.id, link.id)).toMatchObject({ suspect: false });
  });

  test('a change of the specification (downstream) does not make the link suspect', async () => {
    const { project, members, requirement, specification } = await setup();
    await createLink(project, requirement, specification);
    await actAs(members.amoe);
    await expectOk(updateSpecification({ projectKey: project.key, id: specification.id, revision: 1, title: 'Moteur de paie v2', body: 'x', category: 'data' }));
    expect(await listSuspectLinks(getDb(), project.id)).toEqual([]);
    // The edit sent the approved spec back to draft: the requirement is no longer covered, but nothing is suspect.
    expect((await coverageOf(project.id)).get(requirement.number)).toBe('uncovered');
  });

  test('reviewing clears the suspicion, records who and when, and writes an audit row', async () => {
    const { project, members, requirement, specification } = await setup();
    const link = await createLink(project, requirement, specification, { reviewedVersion: 1, reviewedBy: members.owner.id });
    expect(await listSuspectLinks(getDb(), project.id)).toHaveLength(1);
    await actAs(members.amoe);
    const since = await maxAuditId();
    const startedAt = Date.now();
    expect(await expectOk(reviewTraceLink({ projectKey: project.key, linkId: link.id, seenVersion: 2 }))).toEqual({ reviewedVersion: 2 });

    const row = await traceLinkById(link.id);
    expect(row).toMatchObject({ reviewedVersion: 2, reviewedBy: members.amoe.id });
    expect(row!.reviewedAt.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(row!.reviewedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await listSuspectLinks(getDb(), project.id)).toEqual([]);
    expect(await findRequirementSpecificationLink(getDb(), project.id, link.id)).toMatchObject({
      suspect: false,
      reviewedByName: members.amoe.name,
    });
    expect((await coverageOf(project.id)).get(requirement.number)).toBe('covered');
    const audit = await queryRows<{ actor_id: string; entity: string; entity_id: string; action: string; before: unknown; after: unknown; project_id: string }>(
      sql`select actor_id, entity, entity_id, action, before, after, project_id from audit_events where id > ${since}`,
    );
    expect(audit).toEqual([
      {
        actor_id: members.amoe.id,
        project_id: project.id,
        entity: 'trace_link',
        entity_id: link.id,
        action: 'review',
        before: { reviewedVersion: 1 },
        after: { reviewedVersion: 2 },
      },
    ]);
  });

  test('a review against a requirement version that moved on again is a conflict, and nothing changes', async () => {
    const { project, members, requirement, specification } = await setup();
    const link = await createLink(project, requirement, specification, { reviewedVersion: 1 });
    // The AMOE opened the diff at version 2; meanwhile the AMOA saves version 3.
    await actAs(members.amoa);
    await expectOk(editRequirement(project.key, requirement.id, { title: 'Calcul de la paie (révisé)' }));
    await actAs(members.amoe);
    const before = await snapshotTables();
    expect(await reviewTraceLink({ projectKey: project.key, linkId: link.id, seenVersion: 2 })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await snapshotTables()).toEqual(before);
    expect(await listSuspectLinks(getDb(), project.id)).toHaveLength(1);
    // Reviewing what is there now works.
    await expectOk(reviewTraceLink({ projectKey: project.key, linkId: link.id, seenVersion: 3 }));
    expect(await listSuspectLinks(getDb(), project.id)).toEqual([]);
  });

  test('"À revoir" lists the most recently changed requirement first', async () => {
    const { project, members } = await createProjectWithMembers();
    const spec = await createSpecificationRow(project);
    const reqs: RequirementRow[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await createRequirementRow(project, { title: `Exigence ${i}` });
      await createLink(project, r, spec);
      reqs.push(r);
    }
    await actAs(members.amoa);
    for (const i of [1, 0, 2]) {
      await expectOk(editRequirement(project.key, reqs[i]!.id, { statement: `Changée ${i}` }));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await listSuspectLinks(getDb(), project.id)).map((l) => l.requirementNumber)).toEqual([reqs[2]!.number, reqs[0]!.number, reqs[1]!.number]);
  });

  test('removing a link removes it from every list and audits the removed row', async () => {
    const { project, members, requirement, specification } = await setup();
    const link = await createLink(project, requirement, specification, { reviewedVersion: 1 });
    await actAs(members.amoe);
    const since = await maxAuditId();
    await expectOk(removeTraceLink({ projectKey: project.key, linkId: link.id }));
    expect(await traceLinkById(link.id)).toBeNull();
    expect(await listSuspectLinks(getDb(), project.id)).toEqual([]);
    expect(await listSpecificationsOfRequirement(getDb(), project.id, requirement.id)).toEqual([]);
    expect((await coverageOf(project.id)).get(requirement.number)).toBe('uncovered');
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.action, r.entity_id])).toEqual([['trace_link', 'remove', link.id]]);
    expect(await removeTraceLink({ projectKey: project.key, linkId: link.id })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('coverage: the SQL state equals lib/traceability/coverage.ts', () => {
  test('on a varied data set (approved, draft, in review, superseded, suspect, none; tested or not)', async () => {
    const { project } = await createProjectWithMembers();
    const specs: Record<SpecificationStatus, { id: string }> = {
      draft: await createSpecificationRow(project, { status: 'draft' }),
      in_review: await createSpecificationRow(project, { status: 'in_review' }),
      approved: await createSpecificationRow(project, { status: 'approved' }),
      superseded: await createSpecificationRow(project, { status: 'superseded' }),
    };
    const approved2 = await createSpecificationRow(project, { status: 'approved' });
    const untestedApproved = await createSpecificationRow(project, { status: 'approved' });
    for (const spec of [...Object.values(specs), approved2]) await verifySpecification(project, { ...spec, version: 1 });
    /** Each requirement: its links, as [spec, suspect?]. */
    const designs: [string, [{ id: string }, boolean][]][] = [
      ['none', []],
      ['draft only', [[specs.draft, false]]],
      ['in review only', [[specs.in_review, false]]],
      ['superseded only', [[specs.superseded, false]]],
      ['approved', [[specs.approved, false]]],
      ['approved and draft', [[specs.approved, false], [specs.draft, false]]],
      ['two approved', [[specs.approved, false], [approved2, false]]],
      ['approved, suspect', [[specs.approved, true]]],
      ['draft, suspect', [[specs.draft, true]]],
      ['approved clean + draft suspect', [[approved2, false], [specs.draft, true]]],
      ['superseded suspect', [[specs.superseded, true]]],
      ['approved, untested', [[untestedApproved, false]]],
      ['approved untested, tested directly', [[untestedApproved, false]]],
      ['tested directly, suspect', [[untestedApproved, false]]],
    ];
    const ids: Record<string, string> = {};
    for (const [title, links] of designs) {
      const r = await createRequirementRow(project, { title, version: 3 });
      ids[title] = r.id;
      for (const [spec, suspect] of links) await createLink(project, r, spec, { reviewedVersion: suspect ? 2 : 3 });
    }
    const direct = await createTestCaseRow(project);
    await createTestLink(project, { id: ids['approved untested, tested directly']!, version: 3 }, direct, { from: 'requirement' });
    await createTestLink(project, { id: ids['tested directly, suspect']!, version: 3 }, direct, { from: 'requirement', reviewedVersion: 2 });
    // Another project's links to the same-numbered items must not leak into this one's coverage.
    const other = await createProjectWithMembers();
    const otherReq = await createRequirementRow(other.project, { version: 2 });
    await createLink(other.project, otherReq, await createSpecificationRow(other.project, { status: 'approved' }), { reviewedVersion: 1 });

    const { rows } = await listRequirements(getDb(), project.id, { pageSize: 0 });
    expect(rows).toHaveLength(designs.length);
    const fromSql: Record<string, CoverageState> = {};
    const fromLib: Record<string, CoverageState> = {};
    for (const row of rows) {
      const linked = await listSpecificationsOfRequirement(getDb(), project.id, row.id);
      fromSql[row.title] = row.coverage;
      fromLib[row.title] = coverageState(
        linked.map((l) => ({ status: l.status, suspect: l.suspect })),
        await requirementVerification(getDb(), project.id, row.id),
      );
      expect(row.specCount, row.title).toBe(linked.length);
      expect(row.suspectCount, row.title).toBe(linked.filter((l) => l.suspect).length);
    }
    expect(fromSql).toEqual(fromLib);
    // Written out by hand too, so both cannot drift the same wrong way.
    expect(fromSql).toEqual({
      none: 'uncovered',
      'draft only': 'uncovered',
      'in review only': 'uncovered',
      'superseded only': 'uncovered',
      approved: 'covered',
      'approved and draft': 'covered',
      'two approved': 'covered',
      'approved, suspect': 'suspect',
      'draft, suspect': 'suspect',
      'approved clean + draft suspect': 'suspect',
      'superseded suspect': 'suspect',
      'approved, untested': 'uncovered',
      'approved untested, tested directly': 'covered',
      'tested directly, suspect': 'suspect',
    });
    for (const state of ['covered', 'uncovered', 'suspect'] as const) {
      const filtered = await listRequirements(getDb(), project.id, { coverage: state, pageSize: 0 });
      expect(filtered.rows.map((r) => r.title).sort()).toEqual(
        Object.entries(fromSql)
          .filter(([, s]) => s === state)
          .map(([t]) => t)
          .sort(),
      );
      expect(filtered.total).toBe(filtered.rows.length);
    }
  });
});

describe('cross-project isolation of trace links', () => {
  test('items and links of another project are not found through this project, and nothing changes', async () => {
    const here = await createProjectWithMembers();
    const there = await createProjectWithMembers();
    const req = await createRequirementRow(here.project);
    const spec = await createSpecificationRow(here.project);
    const foreignReq = await createRequirementRow(there.project, { version: 2 });
    const foreignSpec = await createSpecificationRow(there.project);
    const foreignLink = await createLink(there.project, foreignReq, foreignSpec, { reviewedVersion: 1 });

    await actAs(here.members.owner);
    const before = await snapshotTables();
    const key = here.project.key;
    const attempts = [
      linkRequirementToSpecification({ projectKey: key, requirementId: req.id, specificationId: foreignSpec.id }),
      linkRequirementToSpecification({ projectKey: key, requirementId: foreignReq.id, specificationId: spec.id }),
      linkRequirementToSpecification({ projectKey: key, requirementId: foreignReq.id, specificationId: foreignSpec.id }),
      removeTraceLink({ projectKey: key, linkId: foreignLink.id }),
      reviewTraceLink({ projectKey: key, linkId: foreignLink.id, seenVersion: 2 }),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toMatchObject({ ok: false, code: 'not_found' });
    expect(await snapshotTables()).toEqual(before);
    expect(await traceLinkById(foreignLink.id)).toMatchObject({ reviewedVersion: 1 });

    // The read side is scoped the same way.
    expect(await findRequirementSpecificationLink(getDb(), here.project.id, foreignLink.id)).toBeNull();
    expect(await listSpecificationsOfRequirement(getDb(), here.project.id, foreignReq.id)).toEqual([]);
    expect(await listRequirementsOfSpecification(getDb(), here.project.id, foreignSpec.id)).toEqual([]);
    expect(await listSuspectLinks(getDb(), here.project.id)).toEqual([]);
    expect(await countRows('trace_links', sql`project_id = ${there.project.id}`)).toBe(1);
  });
});
