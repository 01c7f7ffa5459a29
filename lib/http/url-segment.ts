/**
 * A dynamic URL segment as the person typed it, or null when its percent-encoding is malformed (`%ZZ`, a cut
 * UTF-8 sequence): such a URL names nothing, so callers answer "not found" instead of letting
 * `decodeURIComponent` throw into a 500.
 */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** True when some segment of a URL path cannot be percent-decoded: that URL names no page and no resource. */
export function hasMalformedSegment(pathname: string): boolean {
  return pathname.split('/').some((segment) => decodeSegment(segment) === null);
}
