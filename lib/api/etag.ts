import { createHash } from 'node:crypto';

/**
 * Entity tags for the API's JSON reads: a weak tag from the SHA-256 of the exact body sent, so two answers with
 * the same bytes share it and any change to the data changes it. Weak, because the same data could be serialized
 * differently by another version of the server (RFC 9110 §8.8.1).
 */
export function entityTag(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** RFC 9110 §13.1.2: If-None-Match uses the weak comparison; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return trimmed.split(',').some((tag) => opaque(tag) === wanted);
}
