import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { anomalyExecutions, executions } from '@/db/schema';
import { formatRef } from '@/lib/traceability/refs';
import { notify } from './notifications';

interface AnomalyNamed {
  projectId: string;
  actorId: string;
  anomalyId: string;
  number: number;
  title: string;
}

function notice(kind: 'anomaly_assigned' | 'anomaly_to_retest', a: AnomalyNamed) {
  const ref = formatRef('anomaly', a.number);
  return { projectId: a.projectId, kind, actorId: a.actorId, path: `anomalies/${ref}`, params: { ref, subject: a.title.slice(0, 120) } };
}

/** The member an anomaly was just given to hears of it (not when they took it themselves). */
export async function noticeAnomalyAssigned(tx: Transaction, anomaly: AnomalyNamed, assigneeId: string | null | undefined) {
  if (assigneeId) await notify(tx, notice('anomaly_assigned', anomaly), [assigneeId]);
}

/**
 * An anomaly moved to "à retester": whoever ran the failed executions it came from (its origin and the executions
 * linked to it) is asked to run the test again. One statement finds them.
 */
export async function noticeAnomalyToRetest(tx: Transaction, anomaly: AnomalyNamed & { originExecutionId: string | null }) {
  const testers = sql`select ${executions.executedBy} from ${executions}
    where ${executions.status} = 'failed' and ${executions.executedBy} is not null and (${executions.id} = ${anomaly.originExecutionId}::uuid
      or ${executions.id} in (select ${anomalyExecutions.executionId} from ${anomalyExecutions} where ${anomalyExecutions.anomalyId} = ${anomaly.anomalyId}::uuid))`;
  await notify(tx, notice('anomaly_to_retest', anomaly), testers);
}
