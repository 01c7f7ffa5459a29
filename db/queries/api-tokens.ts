import 'server-only';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiTokens, projects, users } from '@/db/schema';

/** The token a bearer secret names, with its project: one indexed lookup by hash, whatever its state. */
export async function findApiTokenByHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      prefix: apiTokens.prefix,
      scope: apiTokens.scope,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdBy: apiTokens.createdBy,
      projectId: projects.id,
      projectKey: projects.key,
    })
    .from(apiTokens)
    .innerJoin(projects, eq(projects.id, apiTokens.projectId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}
export type ApiTokenRecord = NonNullable<Awaited<ReturnType<typeof findApiTokenByHash>>>;

/**
 * Records a use, unless one was recorded less than `resolutionMs` ago: the condition is in the statement, so two
 * instances racing write once, and most requests (which the caller already knows are recent) skip it entirely.
 */
export async function recordApiTokenUse(db: Executor, tokenId: string, now: Date, resolutionMs: number) {
  const since = new Date(now.getTime() - resolutionMs);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, since))));
}

/** A project's tokens for its settings page, newest first, with who created them (never the hash). */
export async function listApiTokens(db: Executor, projectId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scope: apiTokens.scope,
      expiresAt: apiTokens.expiresAt,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      creatorName: users.name,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.projectId, projectId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes a live token of the project; null when there is none (unknown, another project's, already revoked). */
export async function revokeApiTokenRow(db: Executor, projectId: string, tokenId: string, revokedBy: string) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()`, revokedBy })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.projectId, projectId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, scope: apiTokens.scope });
  return row ?? null;
}
