import { createHash } from 'node:crypto';
import { inflateZip, ZipRefusal } from '@/lib/interop/bounded-unzip';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_LIMITS,
  attachmentFile,
  MANIFEST_FILE,
  manifestSchema,
  rowSchema,
  sameTable,
  tableFile,
  type ArchiveLimits,
  type ArchiveManifest,
  type TableDescriptor,
} from './format';
import { ArchiveRefusal } from './refusal';

export interface ReadArchive {
  manifest: ArchiveManifest;
  /** Rows per table, in the archive's order (parents before children). */
  rows: Map<string, Record<string, unknown>[]>;
  /** Attachment bytes by the attachment's source id. */
  files: Map<string, Uint8Array>;
  sha256: string;
}

/** A member name that could write outside a folder or means something else on another system. */
export function isUnsafeEntryName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[A-Za-z]:/.test(name) || name.split('/').some((s) => s === '..' || s === '.');
}

function parseNdjson(text: string, table: TableDescriptor): Record<string, unknown>[] {
  const schema = rowSchema(table);
  const out: Record<string, unknown>[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line === '' && i === lines.length - 1) break;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ArchiveRefusal('rowInvalid', `${tableFile(table.name)}:${i + 1}`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ArchiveRefusal('rowInvalid', `${tableFile(table.name)}:${i + 1} ${issue?.path.join('.') ?? ''}`.trim());
    }
    out.push(parsed.data);
  }
  return out;
}

/**
 * Opens and checks an archive against this version's tables (`ours`, in insertion order): size and zip limits, member
 * names (no traversal, nothing unexpected), the manifest through zod, the same format version and columns, every
 * row through its table's zod schema, row counts and attachment sizes and hashes. Throws ArchiveRefusal.
 */
export function readArchive(bytes: Uint8Array, ours: readonly TableDescriptor[], limits: ArchiveLimits = ARCHIVE_LIMITS): ReadArchive {
  if (bytes.length > limits.maxUploadBytes) throw new ArchiveRefusal('tooBig', String(limits.maxUploadBytes));
  let opened;
  try {
    // Unsafe names are never inflated: inflateZip lists them as ignored, and they refuse the archive below.
    opened = inflateZip(bytes, limits, (name) => !isUnsafeEntryName(name));
  } catch (error) {
    if (error instanceof ZipRefusal) throw new ArchiveRefusal(error.reason, error.detail);
    throw error;
  }
  if (opened.ignored.length > 0) throw new ArchiveRefusal('unsafeName', opened.ignored[0]);
  const byName = new Map<string, Uint8Array>();
  for (const m of opened.members) {
    if (byName.has(m.name)) throw new ArchiveRefusal('unexpectedFile', m.name);
    byName.set(m.name, m.bytes);
  }

  const manifestBytes = byName.get(MANIFEST_FILE);
  if (!manifestBytes) throw new ArchiveRefusal('noManifest');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw new ArchiveRefusal('manifestInvalid', MANIFEST_FILE);
  }
  if (typeof raw === 'object' && raw !== null) {
    const head = raw as { format?: unknown; formatVersion?: unknown };
    if (head.format !== ARCHIVE_FORMAT) throw new ArchiveRefusal('wrongFormat');
    if (head.formatVersion !== ARCHIVE_FORMAT_VERSION) throw new ArchiveRefusal('wrongVersion', String(head.formatVersion));
  }
  const parsedManifest = manifestSchema.safeParse(raw);
  if (!parsedManifest.success) throw new ArchiveRefusal('manifestInvalid', parsedManifest.error.issues[0]?.path.join('.') ?? '');
  const manifest = parsedManifest.data;

  if (manifest.tables.length !== ours.length) throw new ArchiveRefusal('tableMismatch', String(manifest.tables.length));
  const expected = new Set<string>([MANIFEST_FILE]);
  const rows = new Map<string, Record<string, unknown>[]>();
  ours.forEach((table, i) => {
    const theirs = manifest.tables[i]!;
    if (!sameTable(table, theirs) || theirs.file !== tableFile(table.name)) throw new ArchiveRefusal('tableMismatch', theirs.name);
    expected.add(theirs.file);
  });
  for (const a of manifest.attachments) {
    if (a.file !== attachmentFile(a.id)) throw new ArchiveRefusal('unexpectedFile', a.file);
    expected.add(a.file);
  }
  for (const name of byName.keys()) if (!expected.has(name)) throw new ArchiveRefusal('unexpectedFile', name);

  const decoder = new TextDecoder('utf-8', { fatal: true });
  ours.forEach((table, i) => {
    const file = byName.get(tableFile(table.name));
    if (!file) throw new ArchiveRefusal('missingFile', tableFile(table.name));
    let text: string;
    try {
      text = decoder.decode(file);
    } catch {
      throw new ArchiveRefusal('rowInvalid', tableFile(table.name));
    }
    const parsed = parseNdjson(text, table);
    if (parsed.length !== manifest.tables[i]!.rows) throw new ArchiveRefusal('rowCount', tableFile(table.name));
    rows.set(table.name, parsed);
  });

  const files = new Map<string, Uint8Array>();
  for (const a of manifest.attachments) {
    const file = byName.get(a.file);
    if (!file) throw new ArchiveRefusal('missingFile', a.file);
    if (file.length !== a.byteSize || createHash('sha256').update(file).digest('hex') !== a.sha256) throw new ArchiveRefusal('attachmentMismatch', a.file);
    files.set(a.id, file);
  }
  return { manifest, rows, files, sha256: createHash('sha256').update(bytes).digest('hex') };
}
