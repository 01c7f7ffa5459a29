'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { revokeApiTokenRow } from '@/db/queries/api-tokens';
import { apiTokens } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { apiTokenFields } from '@/lib/api/token-model';
import { newApiToken } from '@/lib/api/token-secret';
import { projectKeySchema } from '@/lib/projects/schemas';

const inProject = z.object({ projectKey: projectKeySchema });
const DAY_MS = 24 * 60 * 60 * 1000;

function revalidateTokens(projectKey: string) {
  revalidatePath(`/projects/${projectKey}/settings/api`);
}

/**
 * Creates a project API token. The secret is in the answer, once: only its SHA-256 is stored, and the journal keeps
 * its name, prefix, scope and expiry.
 */
export const createApiToken = projectAction({
  name: 'createApiToken',
  permission: 'project.manage',
  input: inProject.extend(apiTokenFields),
  async handler({ tx, actor, input, membership, audit }) {
    const { token, prefix, tokenHash } = newApiToken();
    const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * DAY_MS);
    const [created] = await tx
      .insert(apiTokens)
      .values({ projectId: membership.projectId, name: input.name, prefix, tokenHash, scope: input.scope, expiresAt, createdBy: actor.id })
      .returning({ id: apiTokens.id });
    await audit({
      entity: 'api_token',
      entityId: created!.id,
      action: 'create',
      after: { name: input.name, prefix, scope: input.scope, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: created!.id, name: input.name, prefix, scope: input.scope, apiToken: token };
  },
  after(_data, input) {
    revalidateTokens(input.projectKey);
  },
});

/** Revokes a token of the project: requests with it are refused from the next one on. */
export const revokeApiToken = projectAction({
  name: 'revokeApiToken',
  permission: 'project.manage',
  input: inProject.extend({ tokenId: z.uuid({ message: 'invalid' }) }),
  async handler({ tx, actor, input, membership, audit }) {
    const revoked = await revokeApiTokenRow(tx, membership.projectId, input.tokenId, actor.id);
    if (!revoked) throw new ActionError('not_found');
    await audit({
      entity: 'api_token',
      entityId: revoked.id,
      action: 'revoke',
      before: { state: 'active' },
      after: { state: 'revoked', name: revoked.name, prefix: revoked.prefix, scope: revoked.scope },
    });
    return { id: revoked.id };
  },
  after(_data, input) {
    revalidateTokens(input.projectKey);
  },
});
