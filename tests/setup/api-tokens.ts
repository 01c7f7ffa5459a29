import { getDb } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { newApiToken } from '@/lib/api/token-secret';
import type { ApiTokenScope } from '@/lib/api/token-model';

/** A project API token row as the settings action would create it, with its secret (which the table never holds). */
export async function createApiTokenRow(
  project: { id: string },
  createdBy: { id: string } | null,
  options: { scope?: ApiTokenScope; expiresAt?: Date | null; revokedAt?: Date | null; lastUsedAt?: Date | null; name?: string } = {},
): Promise<{ id: string; secret: string; prefix: string }> {
  const { token, prefix, tokenHash } = newApiToken();
  const [row] = await getDb()
    .insert(apiTokens)
    .values({
      projectId: project.id,
      name: options.name ?? 'Jeton de test',
      prefix,
      tokenHash,
      scope: options.scope ?? 'write',
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revokedAt ?? null,
      lastUsedAt: options.lastUsedAt ?? null,
      createdBy: createdBy?.id ?? null,
    })
    .returning({ id: apiTokens.id });
  return { id: row!.id, secret: token, prefix };
}
