import { z } from 'zod';
import { versionedLine } from '@/lib/versioning/text';
import { API_TOKEN_SCOPES, MAX_TOKEN_DAYS } from './token-scopes';

export { API_TOKEN_SCOPES, MAX_TOKEN_DAYS, type ApiTokenScope } from './token-scopes';

/** The token form's fields: a name to recognise it by, its scope and an optional lifetime in days. */
export const apiTokenFields = {
  name: versionedLine(100).pipe(z.string().min(1, { message: 'required' })),
  scope: z.enum(API_TOKEN_SCOPES, { message: 'invalid' }),
  expiresInDays: z
    .union([z.literal(''), z.coerce.number().int({ message: 'invalid' }).min(1, { message: 'invalid' }).max(MAX_TOKEN_DAYS, { message: 'invalid' })])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
};

/** The state a token is in at `now`, for the list and the wrapper alike. */
export function tokenState(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Last use is written at most this often per token, so reads do not become writes. */
export const LAST_USE_RESOLUTION_MS = 60_000;

export function lastUseIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USE_RESOLUTION_MS;
}
