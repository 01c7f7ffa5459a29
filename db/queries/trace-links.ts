import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { requirements, specifications, traceLinks, traceLinkStates, users } from '@/db/schema';
import { listPageSize } from './page-size';

/** Suspicion comes from the one SQL rule (the trace_link_states view), joined on the link. */
const suspect = traceLinkStates.suspect;
const withState = eq(traceLinkStates.id, traceLinks.id);

/** The specifications answering a requirement, each with its link's review state. */
export async function listSpecificationsOfRequirement(db: Executor, projectId: string, requirementId: string) {
  return db
    .select({
      linkId: traceLinks.id,
      itemId: specifications.id,
      number: specifications.number,
      title: specifications.title,
      status: specifications.status,
      reviewedVersion: traceLinks.reviewedVersion,
      currentVersion: requirements.version,
      suspect,
    })
    .from(traceLinks)
    .innerJoin(traceLinkStates, withState)
    .innerJoin(requirements, eq(requirements.id, traceLinks.upstreamId))
    .innerJoin(specifications, eq(specifications.id, traceLinks.downstreamId))
    .where(
      and(
        eq(traceLinks.projectId, projectId),
        eq(traceLinks.kind, 'requirement_specification'),
        eq(traceLinks.upstreamId, requirementId),
      ),
    )
    .orderBy(asc(specifications.number));
}

/** The requirements a specification answers, each with its link's review state. */
export async function listRequirementsOfSpecification(db: Executor, projectId: string, specificationId: string) {
  return db
    .select({
      linkId: traceLinks.id,
      itemId: requirements.id,
      number: requirements.number,
      title: requirements.title,
      status: requirements.status,
      reviewedVersion: traceLinks.reviewedVersion,
      currentVersion: requirements.version,
      suspect,
    })
    .from(traceLinks)
    .innerJoin(traceLinkStates, withState)
    .innerJoin(requirements, eq(requirements.id, traceLinks.upstreamId))
    .where(
      and(
        eq(traceLinks.projectId, projectId),
        eq(traceLinks.kind, 'requirement_specification'),
        eq(traceLinks.downstreamId, specificationId),
      ),
    )
    .orderBy(asc(requirements.number));
}

const reviewer = alias(users, 'reviewer');

/** Suspect links per page of "À revoir" and of the traceability page's tab. */
export const SUSPECT_LINK_PAGE_SIZE = listPageSize(50);

/**
 * "À revoir": the project's suspect links, the most recently changed requirement first; a page of them when `window`
 * is given (the CSV export takes them all). Each row carries `total`, how many there are in all (same statement).
 */
export async function listSuspectLinks(db: Executor, projectId: string, window?: { offset: number; limit: number }) {
  const query = db
    .select({
      linkId: traceLinks.id,
      requirementNumber: requirements.number,
      requirementTitle: requirements.title,
      requirementVersion: requirements.version,
      requirementUpdatedAt: requirements.updatedAt,
      specificationNumber: specifications.number,
      specificationTitle: specifications.title,
      reviewedVersion: traceLinks.reviewedVersion,
      reviewedAt: traceLinks.reviewedAt,
      reviewedByName: reviewer.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(traceLinks)
    .innerJoin(traceLinkStates, withState)
    .innerJoin(requirements, eq(requirements.id, traceLinks.upstreamId))
    .innerJoin(specifications, eq(specifications.id, traceLinks.downstreamId))
    .leftJoin(reviewer, eq(reviewer.id, traceLinks.reviewedBy))
    .where(and(eq(traceLinks.projectId, projectId), eq(traceLinks.kind, 'requirement_specification'), suspect))
    // The link id last makes the order total, so consecutive pages never repeat or skip a link.
    .orderBy(desc(requirements.updatedAt), asc(specifications.number), asc(traceLinks.id))
    .$dynamic();
  return window ? query.limit(window.limit).offset(window.offset) : query;
}

/** One requirement → specification link of the project, with both ends, for its review page. */
export async function findRequirementSpecificationLink(db: Executor, projectId: string, linkId: string) {
  const [row] = await db
    .select({
      linkId: traceLinks.id,
      requirementId: requirements.id,
      requirementNumber: requirements.number,
      requirementTitle: requirements.title,
      requirementVersion: requirements.version,
      specificationId: specifications.id,
      specificationNumber: specifications.number,
      specificationTitle: specifications.title,
      specificationStatus: specifications.status,
      reviewedVersion: traceLinks.reviewedVersion,
      reviewedAt: traceLinks.reviewedAt,
      reviewedByName: reviewer.name,
      suspect,
    })
    .from(traceLinks)
    .innerJoin(traceLinkStates, withState)
    .innerJoin(requirements, eq(requirements.id, traceLinks.upstreamId))
    .innerJoin(specifications, eq(specifications.id, traceLinks.downstreamId))
    .leftJoin(reviewer, eq(reviewer.id, traceLinks.reviewedBy))
    .where(
      and(eq(traceLinks.projectId, projectId), eq(traceLinks.kind, 'requirement_specification'), eq(traceLinks.id, linkId)),
    )
    .limit(1);
  return row ?? null;
}
