/** Evidence text kept from a result file (failure body, system-out/err): long enough for a stack trace, bounded. */
export const MAX_EVIDENCE_TEXT = 20_000;

/**
 * `text` cut to `max` UTF-16 units without splitting a surrogate pair, with a marker when cut; characters the
 * database cannot store (NUL, lone surrogates) are dropped.
 */
export function boundedText(text: string, max = MAX_EVIDENCE_TEXT): string {
  const clean = text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  if (clean.length <= max) return clean;
  let end = max;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${clean.slice(0, end)}\n…`;
}
