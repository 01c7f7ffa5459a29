/**
 * Canonical form and SHA-256 of signed content (DESIGN.md §3): what a signature's hash is computed over.
 * The form is JSON with object keys sorted at every depth, so key order never changes the hash while any change of a
 * value, a key or an array's order does. `undefined` members are left out (as JSON does); dates become ISO text.
 * Pure: no database, no React; the hash is Node's.
 */
import { createHash } from 'node:crypto';

export type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

function canonicalValue(value: unknown, path: string): Canonical | undefined {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical content: ${path} is not a finite number`);
      return Object.is(value, -0) ? 0 : value;
    case 'object': {
      if (Array.isArray(value)) return value.map((item, i) => canonicalValue(item, `${path}[${i}]`) ?? null);
      const out: { [key: string]: Canonical } = {};
      for (const key of Object.keys(value as object).sort()) {
        const member = canonicalValue((value as Record<string, unknown>)[key], `${path}.${key}`);
        if (member !== undefined) out[key] = member;
      }
      return out;
    }
    default:
      throw new TypeError(`canonical content: ${path} is a ${typeof value}`);
  }
}

/** The canonical JSON text of a value: sorted keys, no whitespace. */
export function canonicalJson(value: unknown): string {
  // Sorting the keys of each object is enough: JSON.stringify keeps insertion order.
  return JSON.stringify(canonicalValue(value, '$') ?? null);
}

/** The SHA-256 (lower-case hex) of the canonical JSON of a value. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
