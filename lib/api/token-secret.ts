import { createHash, randomBytes } from 'node:crypto';

/**
 * API tokens: `psl_` and 43 base64url characters (256 random bits), so a leaked one is recognisable in logs and
 * secret scanners. Only the SHA-256 is stored; the first characters (the prefix) are kept in clear to tell tokens
 * apart in the settings and the journal. A fast hash is enough for a high-entropy secret (no dictionary to try).
 */
export const API_TOKEN_PREFIX = 'psl_';
const SHOWN_CHARACTERS = 12;
const SHAPE = /^psl_[A-Za-z0-9_-]{43}$/;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, SHOWN_CHARACTERS), tokenHash: hashApiToken(token) };
}

/** The token of an `Authorization: Bearer …` header, or null when there is none or it cannot be one of ours. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  const token = match?.[1];
  return token && SHAPE.test(token) ? token : null;
}
