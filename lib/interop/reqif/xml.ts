import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ReqifError } from './errors';

/**
 * The one way ReqIF text becomes a tree. ReqIF never needs a DTD, so any DOCTYPE is refused before parsing:
 * that closes external entities (XXE) and entity expansion ("billion laughs") whatever the parser would do with
 * them. Only XML's predefined and numeric character references are decoded (and HTML's named ones, which some
 * tools write in XHTML values without declaring them).
 */
const DOCTYPE = /<!DOCTYPE/i;

export function refuseDoctype(text: string): void {
  if (DOCTYPE.test(text)) throw new ReqifError('doctype');
}

/** Elements that may repeat, always read as arrays (a single child must not change the shape). */
const REPEATED = new Set([
  'SPEC-OBJECT',
  'SPEC-RELATION',
  'SPECIFICATION',
  'SPEC-HIERARCHY',
  'RELATION-GROUP',
  'SPEC-OBJECT-TYPE',
  'SPEC-RELATION-TYPE',
  'SPECIFICATION-TYPE',
  'RELATION-GROUP-TYPE',
  'ENUM-VALUE',
  'ENUM-VALUE-REF',
  'SPEC-RELATION-REF',
  'ATTRIBUTE-VALUE-STRING',
  'ATTRIBUTE-VALUE-XHTML',
  'ATTRIBUTE-VALUE-ENUMERATION',
  'ATTRIBUTE-VALUE-INTEGER',
  'ATTRIBUTE-VALUE-REAL',
  'ATTRIBUTE-VALUE-DATE',
  'ATTRIBUTE-VALUE-BOOLEAN',
  'ATTRIBUTE-DEFINITION-STRING',
  'ATTRIBUTE-DEFINITION-XHTML',
  'ATTRIBUTE-DEFINITION-ENUMERATION',
  'ATTRIBUTE-DEFINITION-INTEGER',
  'ATTRIBUTE-DEFINITION-REAL',
  'ATTRIBUTE-DEFINITION-DATE',
  'ATTRIBUTE-DEFINITION-BOOLEAN',
  'DATATYPE-DEFINITION-STRING',
  'DATATYPE-DEFINITION-XHTML',
  'DATATYPE-DEFINITION-ENUMERATION',
  'DATATYPE-DEFINITION-INTEGER',
  'DATATYPE-DEFINITION-REAL',
  'DATATYPE-DEFINITION-DATE',
  'DATATYPE-DEFINITION-BOOLEAN',
]);

const common = {
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;

/** XHTML values stay raw text here; they are parsed on their own, in document order (xhtml.ts). */
const structureParser = new XMLParser({
  ...common,
  trimValues: true,
  // A SPEC-HIERARCHY level is two elements deep: this admits hierarchies about 240 levels deep.
  maxNestedTags: 500,
  stopNodes: ['*.ATTRIBUTE-VALUE-XHTML.THE-VALUE', '*.ATTRIBUTE-VALUE-XHTML.THE-ORIGINAL-VALUE'],
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

/** Well-formedness first, so a broken file is refused with its line rather than half read. */
export function parseStructure(text: string): XmlNode {
  refuseDoctype(text);
  const checked = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (checked !== true) throw new ReqifError('malformed', `${checked.err.line}:${checked.err.col} ${checked.err.msg}`);
  try {
    return structureParser.parse(text) as XmlNode;
  } catch (error) {
    throw new ReqifError('malformed', error instanceof Error ? error.message : '');
  }
}

export type OrderedNode = { [tag: string]: OrderedNode[] | string | Record<string, string> | undefined } & {
  '#text'?: string;
  ':@'?: Record<string, string>;
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[name] ?? whole;
  });
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * An XHTML fragment in document order, as `{ tag: children, ':@': attributes }` and `{ '#text' }` nodes (prefixes
 * dropped). Fragments are cut out of a document that was checked whole (parseStructure), so this small tokenizer
 * only has to read well-formed markup; should the nesting not balance, the fragment is refused (null) and the caller
 * keeps its text. One pass, no parser set-up per value: a 5,000-object file has 5,000 of them.
 */
export function parseOrdered(fragment: string): OrderedNode[] | null {
  refuseDoctype(fragment);
  const root: OrderedNode[] = [];
  const stack: { tag: string; children: OrderedNode[] }[] = [{ tag: '', children: root }];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(fragment); match; match = TOKEN.exec(fragment)) {
    const [, cdata, closing, opening, attributes, selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) top.children.push({ '#text': decodeEntities(text) });
    else if (cdata !== undefined) top.children.push({ '#text': cdata });
    else if (closing !== undefined) {
      if (stack.length === 1 || top.tag !== localName(closing)) return null;
      stack.pop();
    } else if (opening !== undefined) {
      const tag = localName(opening);
      const children: OrderedNode[] = [];
      const node: OrderedNode = { [tag]: children };
      if (attributes) {
        const attrs: Record<string, string> = {};
        ATTRIBUTE.lastIndex = 0;
        for (let a = ATTRIBUTE.exec(attributes); a; a = ATTRIBUTE.exec(attributes)) attrs[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
        node[':@'] = attrs;
      }
      top.children.push(node);
      if (!selfClosing) stack.push({ tag, children });
    }
  }
  return stack.length === 1 ? root : null;
}
