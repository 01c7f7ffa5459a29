import 'server-only';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { requirements } from '@/db/schema';
import { decodeSegment } from '@/lib/http/url-segment';
import { formatRef, parseRef } from '@/lib/traceability/refs';
import { findRequirement } from './requirements';

/**
 * A requirement from the ref in a URL segment (`EXF-12`; `exf-12` or `EXF%2012` are read too, `canonical` says how
 * to spell it). Malformed refs, other kinds of refs and numbers not in the project give null.
 */
export async function findRequirementByRef(db: Executor, projectId: string, segment: string) {
  const text = decodeSegment(segment);
  if (text === null) return null;
  const ref = parseRef(text);
  if (ref?.kind !== 'requirement') return null;
  const requirement = await findRequirement(db, projectId, ref.number);
  if (!requirement) return null;
  const canonical = formatRef('requirement', requirement.number);
  return { requirement, ref: canonical, isCanonical: text === canonical };
}

/** A requirement's chapter and its direct sub-requirements, in one query, for the detail page. */
export async function findRequirementFamily(
  db: Executor,
  projectId: string,
  requirement: { id: string; parentId: string | null },
) {
  const family = requirement.parentId
    ? or(eq(requirements.id, requirement.parentId), eq(requirements.parentId, requirement.id))
    : eq(requirements.parentId, requirement.id);
  const rows = await db
    .select({
      id: requirements.id,
      number: requirements.number,
      title: requirements.title,
      status: requirements.status,
      parentId: requirements.parentId,
    })
    .from(requirements)
    .where(and(eq(requirements.projectId, projectId), family))
    .orderBy(asc(requirements.number));
  return {
    parent: rows.find((r) => r.id === requirement.parentId) ?? null,
    children: rows.filter((r) => r.parentId === requirement.id),
  };
}

/** Number and title of some requirements of the project (e.g. the chapters named in a history), in one query. */
export async function listRequirementRefs(db: Executor, projectId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: requirements.id, number: requirements.number, title: requirements.title })
    .from(requirements)
    .where(and(eq(requirements.projectId, projectId), inArray(requirements.id, [...ids])));
}

/**
 * Every chapter above some requirements (a page of search results), in one recursive statement, so each result can
 * show where it is filed. `union` (not `union all`) ends a corrupted chain that loops.
 */
export async function listRequirementAncestors(db: Executor, projectId: string, parentIds: readonly string[]) {
  const ids = [...new Set(parentIds)];
  if (ids.length === 0) return [];
  const start = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return db
    .select({ id: requirements.id, number: requirements.number, title: requirements.title, parentId: requirements.parentId })
    .from(requirements)
    .where(
      and(
        eq(requirements.projectId, projectId),
        sql`${requirements.id} in (with recursive up(id, parent_id) as (
          select r.id, r.parent_id from requirements r where r.project_id = ${projectId} and r.id in (${start})
          union
          select r.id, r.parent_id from requirements r join up on r.id = up.parent_id where r.project_id = ${projectId}
        ) select up.id from up)`,
      ),
    );
}
