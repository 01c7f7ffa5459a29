/**
 * PostgreSQL cannot store a NUL character in text, and a lone UTF-16 surrogate has no UTF-8 form: either one reaches
 * the database only to fail there as a server error. The wrappers refuse them up front as invalid input.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Paths (`a.b.0`) of the strings, keys included, that the database could not store; empty when all is well. */
export function unstorableTextPaths(value: unknown, path: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path.join('.') || '_form'];
  if (depth > 32 || value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (!isStorableText(key)) {
      found.push(path.join('.') || '_form');
      continue;
    }
    found.push(...unstorableTextPaths(child, [...path, key], depth + 1));
  }
  return found;
}
