import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { instanceSettings, users } from '@/db/schema';
import { DEFAULT_INSTANCE_POLICY, type InstancePolicy } from '@/lib/auth/instance-policy';

const policyColumns = {
  projectCreation: instanceSettings.projectCreation,
  ownersMayCreateAccounts: instanceSettings.ownersMayCreateAccounts,
};

/** The instance policy and the version an administrator's form carries; the defaults if the row is missing. */
export async function getInstancePolicy(db: Executor): Promise<InstancePolicy & { version: number }> {
  const [row] = await db
    .select({ ...policyColumns, version: instanceSettings.version })
    .from(instanceSettings)
    .where(eq(instanceSettings.id, 1));
  return row ?? { ...DEFAULT_INSTANCE_POLICY, version: 0 };
}

/**
 * The policy with the account's own flag, in one query. Inside an action it locks the settings row (FOR SHARE), so
 * an administrator tightening the policy waits for the creation in flight, and the next one sees the new rule.
 */
export async function findCreationRights(db: Executor, userId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({ ...policyColumns, isProjectCreator: users.isProjectCreator })
    .from(instanceSettings)
    .innerJoin(users, eq(users.id, userId))
    .where(eq(instanceSettings.id, 1));
  const [row] = await (options.lock ? query.for('share', { of: instanceSettings }) : query);
  return {
    policy: row ? { projectCreation: row.projectCreation, ownersMayCreateAccounts: row.ownersMayCreateAccounts } : DEFAULT_INSTANCE_POLICY,
    isProjectCreator: row?.isProjectCreator ?? false,
  };
}

/** Saves the policy if the administrator saw the current version; returns the new version, or null when stale. */
export async function saveInstancePolicy(db: Executor, policy: InstancePolicy, seenVersion: number, actorId: string) {
  const [updated] = await db
    .update(instanceSettings)
    .set({ ...policy, version: sql`${instanceSettings.version} + 1`, updatedBy: actorId, updatedAt: new Date() })
    .where(and(eq(instanceSettings.id, 1), eq(instanceSettings.version, seenVersion)))
    .returning({ version: instanceSettings.version });
  return updated?.version ?? null;
}
