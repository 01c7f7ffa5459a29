import 'server-only';
import { and, asc, desc, eq, lt, ne, sql } from 'drizzle-orm';
import { freezeBaselineItems } from '@/db/baseline-freeze';
import type { Executor, Transaction } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { approvalRequests, baselineItems, baselines, specifications, users } from '@/db/schema';
import { orderItems, type BaselineItem, type BaselineItemKind } from '@/lib/signoff/baseline';
import { BASELINE_NUMBER_SERIES } from '@/lib/signoff/model';

/**
 * Freezes the chosen specifications of a project, and the requirements they trace to, at their current versions and
 * content: two INSERT … SELECT, whatever the number of items. Ids of another project are simply not found.
 */
export async function freezeBaseline(
  tx: Transaction,
  input: { projectId: string; name: string; specificationIds: string[]; actorId: string },
) {
  const number = await nextRefNumber(tx, input.projectId, BASELINE_NUMBER_SERIES);
  const [baseline] = await tx
    .insert(baselines)
    .values({ projectId: input.projectId, number, name: input.name, createdBy: input.actorId })
    .returning();
  await freezeBaselineItems(tx, { baselineId: baseline!.id, projectId: input.projectId, specificationIds: input.specificationIds });
  const [counts] = await tx
    .select({ specifications: sql<number>`count(*) filter (where ${baselineItems.kind} = 'specification')::int`, total: sql<number>`count(*)::int` })
    .from(baselineItems)
    .where(eq(baselineItems.baselineId, baseline!.id));
  return { baseline: baseline!, specifications: counts!.specifications, items: counts!.total };
}

/** The approval state of each baseline is that of its latest request (none: never requested). */
const latestRequestStatus = sql<string | null>`(
  select ar.status from ${approvalRequests} ar where ar.baseline_id = ${baselines.id} order by ar.number desc limit 1)`;

export async function listBaselines(db: Executor, projectId: string) {
  return db
    .select({
      id: baselines.id,
      number: baselines.number,
      name: baselines.name,
      createdAt: baselines.createdAt,
      createdByName: users.name,
      items: sql<number>`(select count(*)::int from ${baselineItems} bi where bi.baseline_id = ${baselines.id})`,
      approval: latestRequestStatus,
    })
    .from(baselines)
    .leftJoin(users, eq(users.id, baselines.createdBy))
    .where(eq(baselines.projectId, projectId))
    .orderBy(desc(baselines.number));
}

export async function findBaseline(db: Executor, projectId: string, number: number) {
  const [row] = await db
    .select({ id: baselines.id, number: baselines.number, name: baselines.name, createdAt: baselines.createdAt, createdByName: users.name })
    .from(baselines)
    .leftJoin(users, eq(users.id, baselines.createdBy))
    .where(and(eq(baselines.projectId, projectId), eq(baselines.number, number)));
  return row ?? null;
}

export async function findBaselineById(db: Executor, projectId: string, id: string) {
  const [row] = await db
    .select({ id: baselines.id, number: baselines.number, name: baselines.name, createdAt: baselines.createdAt })
    .from(baselines)
    .where(and(eq(baselines.projectId, projectId), eq(baselines.id, id)));
  return row ?? null;
}

export async function listBaselineItems(db: Executor, baselineId: string): Promise<BaselineItem[]> {
  const rows = await db
    .select({
      kind: baselineItems.kind,
      itemId: baselineItems.itemId,
      number: baselineItems.number,
      version: baselineItems.version,
      snapshot: baselineItems.snapshot,
    })
    .from(baselineItems)
    .where(eq(baselineItems.baselineId, baselineId))
    .orderBy(asc(baselineItems.kind), asc(baselineItems.number));
  return orderItems(rows.map((r) => ({ ...r, kind: r.kind as BaselineItemKind, snapshot: r.snapshot as Record<string, unknown> })));
}

/** The latest approved baseline before this one (what its review is redlined against), or null. */
export async function lastApprovedBaselineBefore(db: Executor, projectId: string, number: number) {
  const [row] = await db
    .select({ id: baselines.id, number: baselines.number, name: baselines.name, createdAt: baselines.createdAt })
    .from(baselines)
    .where(
      and(
        eq(baselines.projectId, projectId),
        lt(baselines.number, number),
        sql`exists (select 1 from ${approvalRequests} ar where ar.baseline_id = ${baselines.id}
          and ar.status in ('approved', 'approved_with_reservations'))`,
      ),
    )
    .orderBy(desc(baselines.number))
    .limit(1);
  return row ?? null;
}

/** Whether the project has a specification a baseline can be made of (any but a superseded one). */
export async function hasBaselineCandidates(db: Executor, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: specifications.id })
    .from(specifications)
    .where(and(eq(specifications.projectId, projectId), ne(specifications.status, 'superseded')))
    .limit(1);
  return !!row;
}
