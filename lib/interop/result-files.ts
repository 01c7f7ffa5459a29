import { inflateZip, ZipRefusal } from './bounded-unzip';
import { ResultFileError } from './result-file-error';
import { RESULT_UPLOAD_LIMITS, type ResultUploadLimits } from './upload-limits';

export { RESULT_UPLOAD_LIMITS, type ResultUploadLimits };

/** One uploaded file (or one member of an uploaded .zip): a name and its bytes. */
export interface ResultFile {
  name: string;
  bytes: Uint8Array;
}

export type ResultFileKind = 'junit' | 'jmeter' | 'k6';
export interface ClassifiedFile extends ResultFile {
  kind: ResultFileKind;
}

const KIND_BY_EXTENSION: Record<string, ResultFileKind> = { xml: 'junit', jtl: 'jmeter', csv: 'jmeter', json: 'k6' };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** A zip of results: its members of a kind the importer reads (lib/interop/bounded-unzip.ts keeps to the limits). */
function unzip(zip: ResultFile, limits: ResultUploadLimits, budget: { bytes: number }) {
  const keep = (name: string) => Boolean(KIND_BY_EXTENSION[extensionOf(name)]) && !name.startsWith('__MACOSX/') && !baseName(name).startsWith('._');
  try {
    const { members, ignored } = inflateZip(zip.bytes, limits, keep, budget);
    return { members: members.map((m): ClassifiedFile => ({ ...m, kind: KIND_BY_EXTENSION[extensionOf(m.name)]! })), ignored };
  } catch (error) {
    if (error instanceof ZipRefusal) throw new ResultFileError(error.reason, zip.name, error.detail);
    throw error;
  }
}

/**
 * The files of one upload as the importer reads them: each by its kind (extension), zips opened. Refuses the whole
 * upload (ResultFileError) when it is too big, a zip is broken or a bomb, or a file sent directly is of no known kind.
 */
export function expandResultFiles(files: readonly ResultFile[], limits: ResultUploadLimits = RESULT_UPLOAD_LIMITS) {
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const largest = files.find((f) => f.bytes.length > limits.maxUploadBytes);
  if (largest || total > limits.maxUploadBytes) throw new ResultFileError('tooBig', largest?.name ?? files[0]?.name ?? '', String(limits.maxUploadBytes));
  const out: ClassifiedFile[] = [];
  const ignored: string[] = [];
  const budget = { bytes: 0 };
  for (const file of files) {
    const extension = extensionOf(file.name);
    if (extension === 'zip') {
      const opened = unzip(file, limits, budget);
      out.push(...opened.members.map((m) => ({ ...m, name: `${file.name}/${m.name}` })));
      ignored.push(...opened.ignored.map((name) => `${file.name}/${name}`));
      continue;
    }
    const kind = KIND_BY_EXTENSION[extension];
    if (!kind) throw new ResultFileError('unknownFormat', file.name);
    out.push({ ...file, kind });
  }
  return { files: out, ignored };
}
