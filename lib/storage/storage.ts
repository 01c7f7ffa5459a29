/**
 * Where attachment bytes live. The database row (db/schema/attachments.ts) holds what is known about a file; the
 * driver only stores bytes under a key the server made up (`<projectId>/<uuid>`), never one derived from a file name.
 */
export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /** Stores (or replaces) the object. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes as a stream, or null when there is no such object. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the object; removing one that is not there is not an error (a retried clean-up must not fail). */
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * True when `key` is made of plain segments (letters, digits, `.`, `_`, `-`, not starting with a dot) joined by `/`:
 * no `..`, no absolute path, no backslash, no empty segment. Drivers refuse any other key before touching anything.
 */
export function isSafeKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && segment !== '..');
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
}

/** The key of a new attachment's bytes: its project, then a random id (the file name never takes part). */
export function attachmentKey(projectId: string, objectId: string): string {
  const key = `${projectId}/${objectId}`;
  assertSafeKey(key);
  return key;
}

/** Reads a whole stream (at most an attachment's size) into one buffer. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
