import { z } from 'zod';

/**
 * The one normal form of a versioned text field, applied before text is compared and before it is stored.
 * Browsers submit a textarea's line breaks as CRLF while seeded and imported text has LF, and editors leave
 * spaces at line ends and blank lines at the end: none of that is a change a reader can see, so none of it may
 * make a new version (a spurious version would also make trace links suspect). Markdown's "two trailing spaces"
 * hard break is therefore not kept; a backslash at the end of the line still makes one.
 */
export function normalizeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n+$/, '');
}

/** A single-line field (title, source): line breaks and surrounding spaces removed. */
export function normalizeLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Zod field for a multi-line versioned text, normalized before the length is checked. */
export function versionedText(max: number) {
  return z.string().transform(normalizeText).pipe(z.string().max(max, { message: 'tooLong' }));
}

/** Zod field for a single-line versioned text, normalized before the length is checked. */
export function versionedLine(max: number) {
  return z.string().transform(normalizeLine).pipe(z.string().max(max, { message: 'tooLong' }));
}
