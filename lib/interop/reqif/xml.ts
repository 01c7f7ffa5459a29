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

const orderedParser = new XMLParser({ ...common, trimValues: false, preserveOrder: true });

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

/** An XHTML fragment in document order. A fragment that is not well-formed is kept as plain text by the caller. */
export function parseOrdered(fragment: string): OrderedNode[] | null {
  refuseDoctype(fragment);
  const wrapped = `<root>${fragment}</root>`;
  if (XMLValidator.validate(wrapped) !== true) return null;
  try {
    const [root] = orderedParser.parse(wrapped) as OrderedNode[];
    return (root?.root as OrderedNode[] | undefined) ?? [];
  } catch {
    return null;
  }
}
