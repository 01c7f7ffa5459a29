import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { requirementVersions, specificationVersions, testCaseVersions, users } from '@/db/schema';

/**
 * The history side of the one versioning mechanism (the rule itself is lib/versioning/save.ts): each versioned
 * kind keeps every content version, in full, in its own history table of the same shape, so any two versions can be
 * compared. Adding a kind is adding a row here.
 */
const HISTORY = {
  requirement: { table: requirementVersions, itemId: requirementVersions.requirementId, columns: requirementVersions },
  specification: { table: specificationVersions, itemId: specificationVersions.specificationId, columns: specificationVersions },
  testCase: { table: testCaseVersions, itemId: testCaseVersions.testCaseId, columns: testCaseVersions },
} as const;

export type VersionedKind = keyof typeof HISTORY;

export async function recordVersion(
  db: Executor,
  kind: VersionedKind,
  itemId: string,
  version: number,
  snapshot: object,
  changedBy: string,
): Promise<void> {
  await recordVersions(db, kind, [{ itemId, version, snapshot }], changedBy);
}

/** Many first (or next) versions at once, in one statement per thousand items: a bulk import's history. */
export async function recordVersions(
  db: Executor,
  kind: VersionedKind,
  rows: readonly { itemId: string; version: number; snapshot: object }[],
  changedBy: string,
): Promise<void> {
  const history = HISTORY[kind];
  for (let at = 0; at < rows.length; at += 1000) {
    const slice = rows.slice(at, at + 1000).map((r) => ({ item_id: r.itemId, version: r.version, snapshot: r.snapshot }));
    await db.execute(sql`insert into ${history.table} (${sql.identifier(history.itemId.name)}, version, snapshot, changed_by)
      select item_id, version, snapshot, ${changedBy}::uuid
      from jsonb_to_recordset(${JSON.stringify(slice)}::jsonb) as r(item_id uuid, version int, snapshot jsonb)`);
  }
}

/** Every version of one item, the latest first, with who saved it. */
export async function listVersions(db: Executor, kind: VersionedKind, itemId: string) {
  const { table, itemId: item, columns } = HISTORY[kind];
  return db
    .select({
      version: columns.version,
      snapshot: columns.snapshot,
      changedAt: columns.changedAt,
      changedByName: users.name,
    })
    .from(table)
    .leftJoin(users, eq(users.id, columns.changedBy))
    .where(eq(item, itemId))
    .orderBy(desc(columns.version));
}
