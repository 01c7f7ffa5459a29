import 'server-only';
import { and, desc, eq, inArray, isNotNull, ne, or, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { anomalies, anomalyEvents, anomalyExecutions, executions, users } from '@/db/schema';
import type { AnomalyClosure, AnomalyRetest } from '@/lib/signoff/lifting';

/**
 * The closure and retest evidence of anomalies behind reservations, by anomaly id: its last move to "fermée" and its
 * last finished run linked after the one it was raised from. Two statements whatever the number of anomalies.
 */
export async function anomalyEvidence(db: Executor, anomalyIds: string[]) {
  const out = new Map<string, { closed: AnomalyClosure | null; retest: AnomalyRetest | null }>();
  if (anomalyIds.length === 0) return out;
  const [closures, retests] = await Promise.all([
    db
      .selectDistinctOn([anomalyEvents.anomalyId], { anomalyId: anomalyEvents.anomalyId, at: anomalyEvents.at, by: users.name, reason: anomalyEvents.body })
      .from(anomalyEvents)
      .leftJoin(users, eq(users.id, anomalyEvents.actorId))
      .where(and(inArray(anomalyEvents.anomalyId, anomalyIds), eq(anomalyEvents.toStatus, 'closed')))
      .orderBy(anomalyEvents.anomalyId, desc(anomalyEvents.at), desc(anomalyEvents.id)),
    db
      .selectDistinctOn([anomalyExecutions.anomalyId], {
        anomalyId: anomalyExecutions.anomalyId,
        status: executions.status,
        at: executions.finishedAt,
        campaign: executions.campaignName,
        build: executions.build,
        by: users.name,
      })
      .from(anomalyExecutions)
      .innerJoin(anomalies, eq(anomalies.id, anomalyExecutions.anomalyId))
      .innerJoin(executions, eq(executions.id, anomalyExecutions.executionId))
      .leftJoin(users, eq(users.id, executions.executedBy))
      .where(
        and(
          inArray(anomalyExecutions.anomalyId, anomalyIds),
          isNotNull(executions.finishedAt),
          or(isNull(anomalies.executionId), ne(executions.id, anomalies.executionId)),
        ),
      )
      .orderBy(anomalyExecutions.anomalyId, sql`${executions.finishedAt} desc`, desc(executions.id)),
  ]);
  const entry = (id: string) => out.get(id) ?? out.set(id, { closed: null, retest: null }).get(id)!;
  for (const c of closures) entry(c.anomalyId).closed = { at: c.at.toISOString(), by: c.by, reason: c.reason };
  for (const r of retests) entry(r.anomalyId).retest = { status: r.status, at: r.at!.toISOString(), campaign: r.campaign, build: r.build, by: r.by };
  return out;
}
