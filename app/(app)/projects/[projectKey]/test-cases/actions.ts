'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { nextRefNumber } from '@/db/queries/refs';
import { recordVersion } from '@/db/queries/versioned-items';
import { requirements, specifications, testCases, traceLinks } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema, versionSchema } from '@/lib/projects/schemas';
import { applyTestCaseRules, testCaseShape, testCaseSnapshot, testCaseVersionRule, type TestCaseFields } from '@/lib/recette/schema';
import { REF_PREFIXES, formatRef } from '@/lib/traceability/refs';
import { planSave } from '@/lib/versioning/save';

const inProject = z.object({ projectKey: projectKeySchema });

function checkedFields(input: TestCaseFields): TestCaseFields {
  const { fields, fieldErrors } = applyTestCaseRules(input);
  if (fieldErrors) throw new ActionError('invalid', 'invalid', fieldErrors);
  return fields;
}

export const createTestCase = projectAction({
  name: 'createTestCase',
  permission: 'tests.write',
  input: inProject.extend(testCaseShape),
  async handler({ tx, actor, input, membership, audit }) {
    const fields = checkedFields(input);
    const number = await nextRefNumber(tx, membership.projectId, REF_PREFIXES.testCase);
    const [created] = await tx
      .insert(testCases)
      .values({ ...fields, projectId: membership.projectId, number, createdBy: actor.id, updatedBy: actor.id })
      .returning({ id: testCases.id });
    await recordVersion(tx, 'testCase', created!.id, 1, fields, actor.id);
    const ref = formatRef('testCase', number);
    await audit({ entity: 'test_case', entityId: created!.id, action: 'create', after: { ref, ...fields } });
    return { id: created!.id, number, ref };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Saves a test case against the revision the person loaded (lib/versioning/save.ts). Every change, steps included,
 * makes a new version kept in the history. Test cases are the downstream end of the chain: their own versions make
 * no link suspect.
 */
export const updateTestCase = projectAction({
  name: 'updateTestCase',
  permission: 'tests.write',
  input: inProject.extend(testCaseShape).extend({ id: z.uuid(), revision: versionSchema }),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const after = checkedFields(input);
    const [current] = await tx
      .select()
      .from(testCases)
      .where(and(eq(testCases.id, input.id), eq(testCases.projectId, membership.projectId)))
      .for('update');
    if (!current) throw new ActionError('not_found');
    const before = testCaseSnapshot(current);
    const plan = planSave({ ...current, snapshot: before }, input.revision, after, testCaseVersionRule);
    if (plan.outcome === 'conflict') throw new ActionError('conflict', 'staleVersion', undefined, plan.details);
    if (plan.outcome === 'unchanged') {
      nothingChanged();
      return { version: plan.version, revision: plan.revision, changed: [] as string[] };
    }
    const { version, revision, changed } = plan;
    await tx
      .update(testCases)
      .set({ ...after, version, revision, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(testCases.id, current.id));
    await recordVersion(tx, 'testCase', current.id, version, after, actor.id);
    await audit({
      entity: 'test_case',
      entityId: current.id,
      action: 'update',
      before: { ref: formatRef('testCase', current.number), version: current.version, ...before },
      after: { version, ...after },
    });
    return { version, revision, changed };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Traces a test case to the specification or requirement it verifies, reviewed against that item as it stands now.
 * Through a specification, the test case also inherits the suspicion of the specification's own requirement links.
 */
export const linkTestCase = projectAction({
  name: 'linkTestCase',
  permission: 'tests.write',
  input: inProject.extend({ testCaseId: z.uuid(), targetType: z.enum(['specification', 'requirement']), targetId: z.uuid() }),
  async handler({ tx, actor, input, membership, audit }) {
    const table = input.targetType === 'specification' ? specifications : requirements;
    const [target] = await tx
      .select({ id: table.id, number: table.number, version: table.version })
      .from(table)
      .where(and(eq(table.id, input.targetId), eq(table.projectId, membership.projectId)));
    const [testCase] = await tx
      .select({ id: testCases.id, number: testCases.number })
      .from(testCases)
      .where(and(eq(testCases.id, input.testCaseId), eq(testCases.projectId, membership.projectId)));
    if (!target || !testCase) throw new ActionError('not_found');
    const kind = input.targetType === 'specification' ? 'specification_test_case' : 'requirement_test_case';
    const [link] = await tx
      .insert(traceLinks)
      .values({
        projectId: membership.projectId,
        kind,
        upstreamId: target.id,
        downstreamId: testCase.id,
        reviewedVersion: target.version,
        reviewedBy: actor.id,
        createdBy: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: traceLinks.id });
    if (!link) throw new ActionError('conflict', 'alreadyLinked');
    await audit({
      entity: 'trace_link',
      entityId: link.id,
      action: 'create',
      after: {
        [input.targetType]: formatRef(input.targetType, target.number),
        testCase: formatRef('testCase', testCase.number),
        reviewedVersion: target.version,
      },
    });
    return { linkId: link.id };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
