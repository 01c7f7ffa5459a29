import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { assertSafeKey, type ObjectStorage } from './storage';

/**
 * Objects as files under one directory. Keys are checked twice: by their shape, and by the resolved path staying
 * inside the directory (so no key, however spelled, reaches a file elsewhere).
 */
export function localStorage(root: string): ObjectStorage {
  const base = path.resolve(root);

  function fileOf(key: string): string {
    assertSafeKey(key);
    const file = path.resolve(base, key);
    if (!file.startsWith(base + path.sep)) throw new Error(`storage key escapes the directory: ${JSON.stringify(key)}`);
    return file;
  }

  return {
    kind: 'local',
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Written aside then renamed: a reader never sees half a file, a crash leaves no truncated object.
      const temporary = `${file}.${randomUUID()}.part`;
      try {
        await fs.promises.writeFile(temporary, bytes, { flag: 'wx' });
        await fs.promises.rename(temporary, file);
      } catch (error) {
        await fs.promises.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      const file = fileOf(key);
      let handle: fs.promises.FileHandle;
      try {
        handle = await fs.promises.open(file, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
  };
}
