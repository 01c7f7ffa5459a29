import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/**
 * Freezes items into a baseline, set-based: the chosen specifications of the project (at their current version, or at
 * their first one from the history for the demo's earlier baseline) and the requirements they trace to, at their
 * current version. Shared by the baseline action's query and the demo seed, which cannot import server-only modules.
 */
export async function freezeBaselineItems(
  db: Executor,
  input: { baselineId: string; projectId: string; specificationIds: string[]; firstVersions?: boolean },
): Promise<void> {
  if (input.specificationIds.length === 0) return;
  const ids = sql.join(input.specificationIds.map((id) => sql`${id}::uuid`), sql`, `);
  await db.execute(
    input.firstVersions
      ? sql`
    insert into baseline_items (baseline_id, kind, item_id, number, version, snapshot)
    select ${input.baselineId}::uuid, 'specification', s.id, s.number, v.version,
      jsonb_build_object('title', v.snapshot->'title', 'body', v.snapshot->'body', 'category', v.snapshot->'category', 'status', s.status)
    from specifications s join specification_versions v on v.specification_id = s.id and v.version = 1
    where s.project_id = ${input.projectId} and s.id in (${ids})`
      : sql`
    insert into baseline_items (baseline_id, kind, item_id, number, version, snapshot)
    select ${input.baselineId}::uuid, 'specification', s.id, s.number, s.version,
      jsonb_build_object('title', s.title, 'body', s.body, 'category', s.category, 'status', s.status)
    from specifications s where s.project_id = ${input.projectId} and s.id in (${ids})`,
  );
  await db.execute(sql`
    insert into baseline_items (baseline_id, kind, item_id, number, version, snapshot)
    select distinct ${input.baselineId}::uuid, 'requirement', r.id, r.number, r.version,
      jsonb_build_object('title', r.title, 'statement', r.statement, 'acceptanceCriteria', r.acceptance_criteria,
        'rationale', r.rationale, 'priority', r.priority, 'status', r.status, 'source', r.source, 'tags', to_jsonb(r.tags))
    from trace_links l join requirements r on r.id = l.upstream_id
    where l.project_id = ${input.projectId} and l.kind = 'requirement_specification' and l.downstream_id in (${ids})
      and r.project_id = ${input.projectId}`);
}
