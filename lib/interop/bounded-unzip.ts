import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

/** How far a zip may go: its entries and the bytes they inflate to, counted as they come out (not as headers claim). */
export interface ZipBounds {
  maxUnzippedBytes: number;
  maxZipEntries: number;
}

export type ZipRefusalReason = 'zipInvalid' | 'zipTooManyEntries' | 'zipTooBig';

export class ZipRefusal extends Error {
  constructor(
    readonly reason: ZipRefusalReason,
    readonly detail: string = '',
  ) {
    super(`${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'ZipRefusal';
  }
}

export interface ZipMember {
  name: string;
  bytes: Uint8Array;
}

/**
 * Inflates a zip member by member, counting the bytes as they come out: a "zip bomb" stops at the limit, whatever
 * its headers claim. Members `keep` turns down (READMEs, folders, resource forks…) are left compressed and listed as
 * ignored. `budget` is shared by the zips of one upload, so several zips together keep to the same limit.
 */
export function inflateZip(
  bytes: Uint8Array,
  bounds: ZipBounds,
  keep: (name: string) => boolean,
  budget: { bytes: number } = { bytes: 0 },
): { members: ZipMember[]; ignored: string[] } {
  const members: ZipMember[] = [];
  const ignored: string[] = [];
  let refusal: ZipRefusal | null = null;
  let entries = 0;
  const unzipper = new Unzip((file: UnzipFile) => {
    if (refusal) return;
    entries += 1;
    if (entries > bounds.maxZipEntries) {
      refusal = new ZipRefusal('zipTooManyEntries', String(bounds.maxZipEntries));
      return;
    }
    if (file.name.endsWith('/') || !keep(file.name)) {
      if (!file.name.endsWith('/')) ignored.push(file.name);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = new ZipRefusal('zipInvalid', error.message);
        return;
      }
      size += chunk.length;
      budget.bytes += chunk.length;
      if (budget.bytes > bounds.maxUnzippedBytes) {
        refusal = new ZipRefusal('zipTooBig', String(bounds.maxUnzippedBytes));
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        members.push({ name: file.name, bytes: out });
      }
    };
    file.start();
  });
  unzipper.register(UnzipInflate);
  // Pushed in slices so a refusal stops the work early instead of after the whole archive.
  const SLICE = 16 * 1024;
  try {
    for (let at = 0; at < bytes.length && !refusal; at += SLICE) {
      unzipper.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    }
  } catch (error) {
    refusal ??= new ZipRefusal('zipInvalid', error instanceof Error ? error.message : '');
  }
  if (refusal) throw refusal;
  if (entries === 0) throw new ZipRefusal('zipInvalid');
  return { members, ignored };
}
