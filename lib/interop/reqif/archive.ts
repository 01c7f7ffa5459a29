import { unzipSync } from 'fflate';
import { ReqifError } from './errors';
import { parseReqifFiles, type ReqifSource } from './parse';
import type { ReqifDocument } from './model';

/** What an upload may weigh, and what a .reqifz may unpack to (a zip bomb is refused before it is inflated). */
export const UPLOAD_LIMITS = { fileBytes: 10 * 1024 * 1024, unpackedBytes: 100 * 1024 * 1024, entries: 2_000 } as const;

const decoder = new TextDecoder('utf-8');

function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes).replace(/^\uFEFF/, '');
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/**
 * The .reqif members of a .reqifz; other members (images, OLE objects, junk) are left packed. The sizes the
 * archive declares are summed before anything is inflated, and each member inflates into a buffer of its declared
 * size, so an archive that lies about its sizes cannot grow past the limit either (its text is then cut short and
 * refused as malformed).
 */
export function unpackReqifz(bytes: Uint8Array): ReqifSource[] {
  let declared = 0;
  let entries = 0;
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes, {
      filter(file) {
        entries += 1;
        if (entries > UPLOAD_LIMITS.entries) throw new ReqifError('zipTooLarge', `${entries}`);
        if (!/\.reqif$/i.test(file.name) || file.name.split('/').some((part) => part.startsWith('__MACOSX'))) return false;
        declared += file.originalSize;
        if (declared > UPLOAD_LIMITS.unpackedBytes) throw new ReqifError('zipTooLarge', `${declared}`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ReqifError) throw error;
    throw new ReqifError('zipInvalid', error instanceof Error ? error.message : '');
  }
  const sources = Object.entries(members)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, content]) => ({ name, text: decode(content) }));
  if (sources.length === 0) throw new ReqifError('zipEmpty');
  return sources;
}

/** An uploaded .reqif or .reqifz, told apart by its bytes rather than its name. */
export function readReqifUpload(fileName: string, bytes: Uint8Array): ReqifDocument {
  if (bytes.length > UPLOAD_LIMITS.fileBytes) throw new ReqifError('tooLarge', String(UPLOAD_LIMITS.fileBytes));
  if (isZip(bytes)) return parseReqifFiles(unpackReqifz(bytes));
  return parseReqifFiles([{ name: fileName, text: decode(bytes) }]);
}
