import { ResultFileError } from './result-file-error';

/**
 * Bytes of an uploaded XML file as text: a UTF-8 or UTF-16 byte-order mark decides the encoding (and is dropped),
 * anything else is read as UTF-8, the encoding every JUnit producer writes.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Refuses a document type declaration. Results files never need one, and without it no entity can be declared:
 * entity expansion ("billion laughs") and external entities (XXE) cannot happen. A DOCTYPE may only stand in the
 * prolog (before the root element), so the prolog is where it is looked for; the parser itself is also told never
 * to process entities (see parse-junit.ts), so one written elsewhere would be inert text.
 */
export function refuseDoctype(text: string, fileName: string): void {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at += 1;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end === -1) return;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) return;
      at = end + 3;
    } else {
      if (/^<!(DOCTYPE|ENTITY)/i.test(text.slice(at, at + 9))) throw new ResultFileError('doctype', fileName);
      return;
    }
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The five predefined XML entities and numeric character references, decoded by hand because the parser runs with
 * entity processing off. Any other `&name;` stays as written (nothing is ever expanded); a reference to a character
 * XML forbids (NUL, a surrogate, beyond U+10FFFF) is dropped.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, body: string) => {
    if (body[0] !== '#') return PREDEFINED[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
    return String.fromCodePoint(code);
  });
}
