import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
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

/**
 * Inflates a zip member by member, counting the bytes as they come out: a "zip bomb" stops at the limit, whatever
 * its headers claim. Members of a kind the importer does not read (READMEs, folders, macOS resource forks) are left
 * compressed and listed as ignored.
 */
function unzip(zip: ResultFile, limits: ResultUploadLimits, budget: { bytes: number }) {
  const members: ClassifiedFile[] = [];
  const ignored: string[] = [];
  let refusal: ResultFileError | null = null;
  let entries = 0;
  const unzipper = new Unzip((file: UnzipFile) => {
    if (refusal) return;
    entries += 1;
    if (entries > limits.maxZipEntries) {
      refusal = new ResultFileError('zipTooManyEntries', zip.name, String(limits.maxZipEntries));
      return;
    }
    const kind = KIND_BY_EXTENSION[extensionOf(file.name)];
    if (!kind || file.name.endsWith('/') || file.name.startsWith('__MACOSX/') || baseName(file.name).startsWith('._')) {
      if (!file.name.endsWith('/')) ignored.push(file.name);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = new ResultFileError('zipInvalid', zip.name, error.message);
        return;
      }
      size += chunk.length;
      budget.bytes += chunk.length;
      if (budget.bytes > limits.maxUnzippedBytes) {
        refusal = new ResultFileError('zipTooBig', zip.name, String(limits.maxUnzippedBytes));
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.length;
        }
        members.push({ name: file.name, bytes, kind });
      }
    };
    file.start();
  });
  unzipper.register(UnzipInflate);
  // Pushed in slices so a refusal stops the work early instead of after the whole archive.
  const SLICE = 16 * 1024;
  try {
    for (let at = 0; at < zip.bytes.length && !refusal; at += SLICE) {
      unzipper.push(zip.bytes.subarray(at, at + SLICE), at + SLICE >= zip.bytes.length);
    }
  } catch (error) {
    refusal ??= new ResultFileError('zipInvalid', zip.name, error instanceof Error ? error.message : '');
  }
  if (refusal) throw refusal;
  if (entries === 0) throw new ResultFileError('zipInvalid', zip.name);
  return { members, ignored };
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
