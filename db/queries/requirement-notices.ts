import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { specifications, testCases, traceLinks } from '@/db/schema';
import { formatRef } from '@/lib/traceability/refs';
import { notify } from './notifications';

/**
 * A requirement got a new version, so its direct links to specifications and test cases became suspect: the
 * authors and last editors of those items hear of it (the AMOA/AMOE desynchronisation issue 9 names). One statement
 * finds them, however many items are linked.
 */
export async function noticeRequirementChanged(
  tx: Transaction,
  change: { projectId: string; actorId: string; requirementId: string; number: number; version: number },
) {
  const owners = sql`
    select unnest(array[s.created_by, s.updated_by]) from ${traceLinks} l join ${specifications} s on s.id = l.downstream_id
      where l.kind = 'requirement_specification' and l.upstream_id = ${change.requirementId}::uuid
    union
    select unnest(array[t.created_by, t.updated_by]) from ${traceLinks} l join ${testCases} t on t.id = l.downstream_id
      where l.kind = 'requirement_test_case' and l.upstream_id = ${change.requirementId}::uuid`;
  const ref = formatRef('requirement', change.number);
  await notify(
    tx,
    { projectId: change.projectId, kind: 'requirement_changed', actorId: change.actorId, path: `requirements/${ref}`, params: { ref, version: change.version } },
    owners,
  );
}
