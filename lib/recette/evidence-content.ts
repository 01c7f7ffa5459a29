/**
 * What evidence may be attached, decided from the bytes themselves (magic numbers), never from the name or the type
 * the browser claimed: a renamed page or program is found out. An allow-list: anything not recognised is refused.
 * Markup (HTML, SVG, XML) is refused even though it is text, because a browser would run its scripts.
 */

/** 10 MiB: a screenshot, a log or a short screen recording, not a database dump. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export type EvidenceRefusal = 'empty' | 'tooBig' | 'forbiddenType' | 'unknownType';

export type EvidenceCheck = { ok: true; contentType: string } | { ok: false; reason: EvidenceRefusal };

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Images are the one kind a browser may show inline (thumbnails); everything else is downloaded. */
export function isInlineImage(contentType: string): boolean {
  return (IMAGE_TYPES as readonly string[]).includes(contentType);
}

const ZIP_BASED: Record<string, string> = {
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Text is accepted under these names only (or none): a text file called `.png`, `.html` or `.js` is refused. */
const TEXT_EXTENSIONS = new Set(['', 'txt', 'log', 'csv', 'json', 'md', 'out', 'err']);

/** ISO base media brands of plain MP4 video (HEIC photos and QuickTime share the container but are not allowed). */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4', 'MSNV']);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** Programs and markup, named so that the refusal says "forbidden" rather than "unknown". */
function isForbidden(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0x4d, 0x5a]) || // MZ: Windows executables and DLLs
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O (and Java classes)
    startsWith(bytes, [0x23, 0x21]) // #! scripts
  );
}

function binaryType(bytes: Uint8Array, extension: string): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(bytes, 4, 8) === 'ftyp' && MP4_BRANDS.has(ascii(bytes, 8, 12))) return 'video/mp4';
  // Matroska's EBML header; only the WebM doctype is allowed.
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(bytes, 0, 64).includes('webm')) return 'video/webm';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Office documents are zip archives: the name tells which one (a .jar or .apk is a program, refused as unknown).
    return ZIP_BASED[extension] ?? null;
  }
  return null;
}

const MARKUP = /^(\uFEFF)?\s*</;
const MARKUP_ANYWHERE = /<(!doctype|html|svg|script|iframe|object|embed)[\s>/]/i;

/** UTF-8 text without NUL or control characters (tabs, line ends, form feeds and ANSI colour escapes aside). */
function textType(bytes: Uint8Array, extension: string): string | 'markup' | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(text)) return null;
  if (MARKUP.test(text) || MARKUP_ANYWHERE.test(text.slice(0, 4096))) return 'markup';
  if (!TEXT_EXTENSIONS.has(extension)) return null;
  if (extension === 'csv') return 'text/csv';
  if (extension === 'json') {
    try {
      JSON.parse(text);
      return 'application/json';
    } catch {
      return 'text/plain';
    }
  }
  return 'text/plain';
}

/** The type to store and serve the file as, or why it is refused. `fileName` only picks among zip- and text-based kinds. */
export function checkEvidence(bytes: Uint8Array, fileName: string): EvidenceCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { ok: false, reason: 'tooBig' };
  if (isForbidden(bytes)) return { ok: false, reason: 'forbiddenType' };
  const extension = extensionOf(fileName);
  const binary = binaryType(bytes, extension);
  if (binary) return { ok: true, contentType: binary };
  const text = textType(bytes, extension);
  if (text === 'markup') return { ok: false, reason: 'forbiddenType' };
  if (text) return { ok: true, contentType: text };
  return { ok: false, reason: 'unknownType' };
}

/**
 * The name shown and offered on download: the last path segment (browsers may send `C:\fakepath\…`), without
 * control characters, at most 200 characters; a default when nothing is left.
 */
export function cleanFileName(raw: string, fallback = 'fichier'): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(/[\u0000-\u001f\u007f"]/g, '').replace(/\s+/g, ' ').trim();
  if (!cleaned || cleaned === '.' || cleaned === '..') return fallback;
  return [...cleaned].slice(0, 200).join('');
}

/** `Content-Disposition`: an ASCII fallback plus the exact name in RFC 5987 form, so accents survive and nothing injects. */
export function contentDisposition(fileName: string, inline: boolean): string {
  const asciiName = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The name a pasted screenshot gets: `capture-2026-12-01-14-05-09.png`, from the paster's clock. */
export function pastedImageName(now: Date, contentType: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
  const extension = { 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }[contentType] ?? 'png';
  return `capture-${stamp}.${extension}`;
}
