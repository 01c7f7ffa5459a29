import 'server-only';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { approvalRequests, baselineItems, baselines, requirements, specifications, users } from '@/db/schema';
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
  const ids = sql.join(input.specificationIds.map((id) => sql`${id}::uuid`), sql`, `);
  await tx.execute(sql`
    insert into baseline_items (baseline_id, kind, item_id, number, version, snapshot)
    select ${baseline!.id}::uuid, 'specification', s.id, s.number, s.version,
      jsonb_build_object('title', s.title, 'body', s.body, 'category', s.category, 'status', s.status)
    from specifications s where s.project_id = ${input.projectId} and s.id in (${ids})`);
  await tx.execute(sql`
    insert into baseline_items (baseline_id, kind, item_id, number, version, snapshot)
    select distinct ${baseline!.id}::uuid, 'requirement', r.id, r.number, r.version,
      jsonb_build_object('title', r.title, 'statement', r.statement, 'acceptanceCriteria', r.acceptance_criteria,
        'rationale', r.rationale, 'priority', r.priority, 'status', r.status, 'source', r.source, 'tags', to_jsonb(r.tags))
    from trace_links l join requirements r on r.id = l.upstream_id
    where l.project_id = ${input.projectId} and l.kind = 'requirement_specification' and l.downstream_id in (${ids})
      and r.project_id = ${input.projectId}`);
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

/** The current version of each item of a baseline, to say which ones moved on since it was frozen. */
export async function currentVersions(db: Executor, items: readonly BaselineItem[]): Promise<Map<string, number>> {
  const ids = items.map((i) => i.itemId);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: specifications.id, version: specifications.version })
    .from(specifications)
    .where(inArray(specifications.id, ids))
    .unionAll(db.select({ id: requirements.id, version: requirements.version }).from(requirements).where(inArray(requirements.id, ids)));
  return new Map(rows.map((r) => [r.id, r.version]));
}
