'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requirements, specifications, traceLinks, traceLinkStates } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema } from '@/lib/projects/schemas';
import { formatRef } from '@/lib/traceability/refs';

const inProject = z.object({ projectKey: projectKeySchema });

/** Traces a specification to the requirement it answers, reviewed against the requirement as it stands now. */
export const linkRequirementToSpecification = projectAction({
  name: 'linkRequirementToSpecification',
  permission: 'specifications.write',
  input: inProject.extend({ requirementId: z.uuid(), specificationId: z.uuid() }),
  async handler({ tx, actor, input, membership, audit }) {
    const [requirement] = await tx
      .select({ id: requirements.id, number: requirements.number, version: requirements.version })
      .from(requirements)
      .where(and(eq(requirements.id, input.requirementId), eq(requirements.projectId, membership.projectId)));
    const [specification] = await tx
      .select({ id: specifications.id, number: specifications.number })
      .from(specifications)
      .where(and(eq(specifications.id, input.specificationId), eq(specifications.projectId, membership.projectId)));
    if (!requirement || !specification) throw new ActionError('not_found');
    const [link] = await tx
      .insert(traceLinks)
      .values({
        projectId: membership.projectId,
        kind: 'requirement_specification',
        upstreamId: requirement.id,
        downstreamId: specification.id,
        reviewedVersion: requirement.version,
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
        requirement: formatRef('requirement', requirement.number),
        specification: formatRef('specification', specification.number),
        reviewedVersion: requirement.version,
      },
    });
    return { linkId: link.id };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

export const removeTraceLink = projectAction({
  name: 'removeTraceLink',
  permission: 'specifications.write',
  input: inProject.extend({ linkId: z.uuid() }),
  async handler({ tx, input, membership, audit }) {
    const [removed] = await tx
      .delete(traceLinks)
      .where(and(eq(traceLinks.id, input.linkId), eq(traceLinks.projectId, membership.projectId)))
      .returning();
    if (!removed) throw new ActionError('not_found');
    await audit({ entity: 'trace_link', entityId: removed.id, action: 'remove', before: removed });
    return { linkId: removed.id };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Clears a suspect link: the person confirms the downstream item (a specification, a test case) still answers the
 * upstream one as it stands. `seenVersion` is the upstream version they reviewed; if it changed again meanwhile,
 * the review is refused.
 */
export const reviewTraceLink = projectAction({
  name: 'reviewTraceLink',
  permission: 'specifications.write',
  input: inProject.extend({ linkId: z.uuid(), seenVersion: z.coerce.number().int().positive() }),
  async handler({ tx, actor, input, membership, audit }) {
    const [locked] = await tx
      .select({ id: traceLinks.id })
      .from(traceLinks)
      .where(and(eq(traceLinks.id, input.linkId), eq(traceLinks.projectId, membership.projectId)))
      .for('update');
    if (!locked) throw new ActionError('not_found');
    const [link] = await tx
      .select({ id: traceLinkStates.id, reviewedVersion: traceLinkStates.reviewedVersion, upstreamVersion: traceLinkStates.upstreamVersion })
      .from(traceLinkStates)
      .where(eq(traceLinkStates.id, locked.id));
    if (!link) throw new ActionError('not_found');
    if (link.upstreamVersion !== input.seenVersion) throw new ActionError('conflict', 'staleVersion');
    const reviewedAt = new Date();
    await tx
      .update(traceLinks)
      .set({ reviewedVersion: link.upstreamVersion, reviewedBy: actor.id, reviewedAt })
      .where(eq(traceLinks.id, link.id));
    await audit({
      entity: 'trace_link',
      entityId: link.id,
      action: 'review',
      before: { reviewedVersion: link.reviewedVersion },
      after: { reviewedVersion: link.upstreamVersion },
    });
    return { reviewedVersion: link.upstreamVersion };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
