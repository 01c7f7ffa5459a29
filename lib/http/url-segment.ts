import { isStorableText } from '@/lib/text/storable-text';

/**
 * A dynamic URL segment as the person typed it, or null when its percent-encoding is malformed (`%ZZ`, a cut
 * UTF-8 sequence): such a URL names nothing, so callers answer "not found" instead of letting
 * `decodeURIComponent` throw into a 500. Text the database cannot store (a NUL) names nothing either.
 */
export function decodeSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    // `%00` decodes fine but names nothing the database could hold: not found, rather than a server error.
    return isStorableText(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

/** True when some segment of a URL path cannot be percent-decoded: that URL names no page and no resource. */
export function hasMalformedSegment(pathname: string): boolean {
  return pathname.split('/').some((segment) => decodeSegment(segment) === null);
}
