import { ReqifError } from './errors';
import {
  REQIF_DRAFT_NAMESPACE,
  REQIF_NAMESPACE,
  type ReqifDocument,
  type ReqifObject,
  type ReqifRelation,
  type ReqifSpecificationSummary,
  type ReqifWarning,
  type WarningCode,
} from './model';
import { xhtmlToMarkdown, xhtmlToText } from './xhtml-to-markdown';
import { parseStructure, type XmlNode } from './xml';

/**
 * Reads one ReqIF exchange (one or several .reqif files, as in a .reqifz) leniently: most real files fail the XSD,
 * so references are resolved here and whatever cannot be resolved is skipped and reported as a warning, never a
 * crash. Refused outright (ReqifError): malformed XML, a DTD, a root that is not REQ-IF, the pre-1.0 namespace.
 */
export interface ReqifSource {
  name: string;
  text: string;
}

export const LIMITS = { objects: 100_000, title: 300, text: 20_000, field: 10_000, fields: 100, depth: 200 } as const;

type Kind = 'STRING' | 'XHTML' | 'ENUMERATION' | 'INTEGER' | 'REAL' | 'DATE' | 'BOOLEAN';
const KINDS: readonly Kind[] = ['STRING', 'XHTML', 'ENUMERATION', 'INTEGER', 'REAL', 'DATE', 'BOOLEAN'];

interface Datatype {
  kind: Kind;
  enumValues: Map<string, string>;
}
interface AttributeDefinition {
  kind: Kind;
  name: string;
  datatype: string;
}

const TITLE_ATTRIBUTES = ['ReqIF.ChapterName', 'ReqIF.Name'];
const TEXT_ATTRIBUTE = 'ReqIF.Text';

function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
function node(value: unknown): XmlNode {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : {};
}
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && '#text' in value) return String((value as XmlNode)['#text']).trim();
  return '';
}
function attr(n: XmlNode, name: string): string {
  const v = n[name];
  return typeof v === 'string' ? v : '';
}
/** The text of a `<X><Y-REF>id</Y-REF></X>` holder, whatever the -REF element is called. */
function refIn(holder: unknown): string {
  const n = node(holder);
  for (const [key, value] of Object.entries(n)) if (key.endsWith('-REF')) return text(asArray(value)[0]);
  return '';
}
function refsIn(holder: unknown, element: string): string[] {
  return asArray(node(holder)[element]).map(text).filter(Boolean);
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export function isReqifDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** The default namespace of the REQ-IF start tag (the parser drops xmlns attributes with the prefixes). */
function rootNamespace(xml: string): string {
  const start = /<(?:[\w.-]+:)?REQ-IF[\s>][^>]*/.exec(xml)?.[0] ?? '';
  const prefix = /<([\w.-]+):REQ-IF/.exec(start)?.[1];
  const attribute = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`) : /\sxmlns\s*=\s*["']([^"']*)["']/;
  return attribute.exec(start)?.[1] ?? '';
}

class Reader {
  readonly warnings: ReqifWarning[] = [];
  readonly datatypes = new Map<string, Datatype>();
  readonly attributes = new Map<string, AttributeDefinition>();
  readonly typeNames = new Map<string, string>();
  readonly objectNodes = new Map<string, XmlNode>();
  readonly relationNodes = new Map<string, XmlNode>();
  readonly specNodes = new Map<string, XmlNode>();
  readonly hierarchyIds = new Set<string>();
  title = '';
  toolId = '';
  sourceToolId = '';

  warn(code: WarningCode, identifier: string, detail?: string) {
    this.warnings.push({ code, identifier, ...(detail !== undefined && { detail }) });
  }

  register<T>(map: Map<string, T>, identifier: string, value: T, what: string): boolean {
    if (!identifier) return false;
    if (map.has(identifier)) {
      this.warn('duplicateIdentifier', identifier, what);
      return false;
    }
    map.set(identifier, value);
    return true;
  }

  readFile(source: ReqifSource) {
    const tree = parseStructure(source.text);
    const root = tree['REQ-IF'];
    if (!root || typeof root !== 'object') throw new ReqifError('notReqif', source.name);
    const r = node(root);
    const ns = rootNamespace(source.text);
    if (ns === REQIF_DRAFT_NAMESPACE) throw new ReqifError('legacyNamespace', ns);
    if (!ns) this.warn('missingNamespace', source.name);
    else if (ns !== REQIF_NAMESPACE) throw new ReqifError('unknownNamespace', ns);

    const header = node(node(r['THE-HEADER'])['REQ-IF-HEADER']);
    this.title ||= text(header.TITLE);
    this.toolId ||= text(header['REQ-IF-TOOL-ID']);
    this.sourceToolId ||= text(header['SOURCE-TOOL-ID']);

    const content = node(node(r['CORE-CONTENT'])['REQ-IF-CONTENT']);
    this.readDatatypes(node(content.DATATYPES));
    this.readSpecTypes(node(content['SPEC-TYPES']));
    for (const o of asArray(node(content['SPEC-OBJECTS'])['SPEC-OBJECT'])) {
      const n = node(o);
      this.register(this.objectNodes, attr(n, 'IDENTIFIER'), n, 'SPEC-OBJECT');
    }
    if (this.objectNodes.size > LIMITS.objects) throw new ReqifError('tooManyObjects', String(LIMITS.objects));
    for (const o of asArray(node(content['SPEC-RELATIONS'])['SPEC-RELATION'])) {
      const n = node(o);
      this.register(this.relationNodes, attr(n, 'IDENTIFIER'), n, 'SPEC-RELATION');
    }
    for (const o of asArray(node(content.SPECIFICATIONS).SPECIFICATION)) {
      const n = node(o);
      this.register(this.specNodes, attr(n, 'IDENTIFIER'), n, 'SPECIFICATION');
    }
  }

  private readDatatypes(holder: XmlNode) {
    for (const kind of KINDS) {
      for (const d of asArray(holder[`DATATYPE-DEFINITION-${kind}`])) {
        const n = node(d);
        const enumValues = new Map<string, string>();
        for (const v of asArray(node(n['SPECIFIED-VALUES'])['ENUM-VALUE'])) {
          const e = node(v);
          const id = attr(e, 'IDENTIFIER');
          const embedded = node(node(e.PROPERTIES)['EMBEDDED-VALUE']);
          if (id) enumValues.set(id, attr(e, 'LONG-NAME') || attr(embedded, 'OTHER-CONTENT') || id);
        }
        this.register(this.datatypes, attr(n, 'IDENTIFIER'), { kind, enumValues }, `DATATYPE-DEFINITION-${kind}`);
      }
    }
  }

  private readSpecTypes(holder: XmlNode) {
    for (const element of ['SPEC-OBJECT-TYPE', 'SPEC-RELATION-TYPE', 'SPECIFICATION-TYPE', 'RELATION-GROUP-TYPE']) {
      for (const t of asArray(holder[element])) {
        const n = node(t);
        const id = attr(n, 'IDENTIFIER');
        this.register(this.typeNames, id, attr(n, 'LONG-NAME') || id, element);
        const definitions = node(n['SPEC-ATTRIBUTES']);
        for (const kind of KINDS) {
          for (const a of asArray(definitions[`ATTRIBUTE-DEFINITION-${kind}`])) {
            const an = node(a);
            const aid = attr(an, 'IDENTIFIER');
            const datatype = refIn(an.TYPE);
            this.register(this.attributes, aid, { kind, name: attr(an, 'LONG-NAME') || aid, datatype }, `ATTRIBUTE-DEFINITION-${kind}`);
          }
        }
      }
    }
  }

  /** The values of an object or relation, by attribute name; XHTML values also kept raw for title and text. */
  readValues(owner: string, values: unknown) {
    const out: { name: string; kind: Kind; display: string; xhtml?: string }[] = [];
    const holder = node(values);
    for (const kind of KINDS) {
      for (const v of asArray(holder[`ATTRIBUTE-VALUE-${kind}`])) {
        const n = node(v);
        const definitionId = refIn(n.DEFINITION);
        const definition = this.attributes.get(definitionId);
        if (!definition) {
          this.warn('danglingAttribute', owner, definitionId);
          continue;
        }
        const value = this.displayValue(owner, kind, n, definition);
        if (value) out.push({ name: definition.name, kind: definition.kind, ...value });
      }
    }
    return out;
  }

  private displayValue(owner: string, kind: Kind, n: XmlNode, definition: AttributeDefinition): { display: string; xhtml?: string } | null {
    if (kind === 'XHTML') {
      const raw = n['THE-VALUE'];
      const fragment = typeof raw === 'string' ? raw : text(raw);
      return { display: xhtmlToMarkdown(fragment), xhtml: fragment };
    }
    if (kind === 'ENUMERATION') {
      const datatype = this.datatypes.get(definition.datatype);
      if (!datatype) this.warn('danglingDatatype', owner, definition.datatype);
      const labels = refsIn(n.VALUES, 'ENUM-VALUE-REF').map((ref) => {
        const label = datatype?.enumValues.get(ref);
        if (label === undefined && datatype) this.warn('danglingEnumValue', owner, ref);
        return label;
      });
      return { display: labels.filter((l): l is string => l !== undefined).join(', ') };
    }
    const value = attr(n, 'THE-VALUE');
    if (kind === 'DATE' && value && !isReqifDate(value)) this.warn('badDate', owner, value);
    if ((kind === 'INTEGER' && value && !/^[-+]?\d+$/.test(value)) || (kind === 'REAL' && value && !Number.isFinite(Number(value)))) {
      this.warn('badNumber', owner, value);
    }
    if (kind === 'BOOLEAN' && value && !/^(true|false|1|0)$/.test(value)) this.warn('badBoolean', owner, value);
    if (kind === 'BOOLEAN') return { display: value === '1' ? 'true' : value === '0' ? 'false' : value };
    return { display: value };
  }
}

function clip(reader: Reader, owner: string, value: string, max: number): string {
  if (value.length <= max) return value;
  reader.warn('textTooLong', owner, String(value.length));
  return value.slice(0, max);
}

function firstLine(markdown: string): string {
  const line = markdown.split('\n').find((l) => l.trim()) ?? '';
  return line.replace(/^[#>\-*\d.\s]+/, '').replace(/[\\*_`]/g, '').trim();
}

function buildObject(reader: Reader, identifier: string, n: XmlNode): Omit<ReqifObject, 'parentIdentifier' | 'position' | 'depth' | 'specification'> {
  const typeId = refIn(n.TYPE);
  const typeName = reader.typeNames.get(typeId);
  if (typeId && typeName === undefined) reader.warn('danglingType', identifier, typeId);
  const values = reader.readValues(identifier, n.VALUES);
  const byName = new Map(values.map((v) => [v.name, v]));
  const titleValue = TITLE_ATTRIBUTES.map((name) => byName.get(name)).find((v) => v && (v.xhtml ? xhtmlToText(v.xhtml) : v.display).trim());
  const textValue = byName.get(TEXT_ATTRIBUTE) ?? values.find((v) => v.kind === 'XHTML' && !TITLE_ATTRIBUTES.includes(v.name));
  const markdown = textValue?.display ?? '';
  const fallbackString = values.find((v) => v.kind === 'STRING' && v !== textValue && v.display.trim());
  let title =
    (titleValue && (titleValue.xhtml !== undefined ? xhtmlToText(titleValue.xhtml) : titleValue.display)) ||
    attr(n, 'LONG-NAME') ||
    firstLine(markdown).slice(0, 120) ||
    fallbackString?.display ||
    '';
  if (!title) {
    reader.warn('titleMissing', identifier);
    title = identifier;
  }
  const fields: Record<string, string> = {};
  for (const v of values) {
    if (v === titleValue || v === textValue || Object.keys(fields).length >= LIMITS.fields) continue;
    fields[v.name] = clip(reader, identifier, v.display, LIMITS.field);
  }
  return {
    identifier,
    title: clip(reader, identifier, title.replace(/\s+/g, ' ').trim(), LIMITS.title),
    text: clip(reader, identifier, markdown, LIMITS.text),
    typeName: typeName ?? '',
    fields,
  };
}

interface Visit {
  hierarchy: XmlNode;
  parent: string | null;
  depth: number;
}

export function parseReqifFiles(sources: ReqifSource[]): ReqifDocument {
  const reader = new Reader();
  for (const source of sources) reader.readFile(source);

  const built = new Map<string, ReturnType<typeof buildObject>>();
  for (const [identifier, n] of reader.objectNodes) built.set(identifier, buildObject(reader, identifier, n));

  const objects: ReqifObject[] = [];
  const placed = new Set<string>();
  const childCounts = new Map<string | null, number>();
  const specifications: ReqifSpecificationSummary[] = [];
  let depth = 0;

  for (const [specId, spec] of reader.specNodes) {
    const specTitle = attr(spec, 'LONG-NAME') || specId;
    const summary: ReqifSpecificationSummary = { identifier: specId, title: specTitle, objectCount: 0, depth: 0 };
    // Depth-first, iteratively: a hostile file nested thousands deep must not exhaust the stack.
    const stack: Visit[] = asArray(node(spec.CHILDREN)['SPEC-HIERARCHY'])
      .map((h) => ({ hierarchy: node(h), parent: null, depth: 1 }))
      .reverse();
    while (stack.length) {
      const visit = stack.pop()!;
      const h = visit.hierarchy;
      const hid = attr(h, 'IDENTIFIER');
      if (hid && reader.hierarchyIds.has(hid)) reader.warn('duplicateIdentifier', hid, 'SPEC-HIERARCHY');
      else if (hid) reader.hierarchyIds.add(hid);
      depth = Math.max(depth, visit.depth);
      summary.depth = Math.max(summary.depth, visit.depth);
      const ref = refIn(h.OBJECT);
      let parentForChildren = visit.parent;
      const object = built.get(ref);
      if (!object) reader.warn('danglingObject', hid || specId, ref);
      else if (placed.has(ref)) {
        reader.warn('severalPlaces', ref, hid);
        parentForChildren = ref;
      } else {
        placed.add(ref);
        const position = childCounts.get(visit.parent) ?? 0;
        childCounts.set(visit.parent, position + 1);
        objects.push({ ...object, parentIdentifier: visit.parent, position, depth: visit.depth, specification: specTitle });
        summary.objectCount += 1;
        parentForChildren = ref;
      }
      if (visit.depth >= LIMITS.depth) continue;
      const children = asArray(node(h.CHILDREN)['SPEC-HIERARCHY']);
      for (let i = children.length - 1; i >= 0; i -= 1) {
        stack.push({ hierarchy: node(children[i]), parent: parentForChildren, depth: visit.depth + 1 });
      }
    }
    specifications.push(summary);
  }
  for (const [identifier, object] of built) {
    if (placed.has(identifier)) continue;
    const position = childCounts.get(null) ?? 0;
    childCounts.set(null, position + 1);
    objects.push({ ...object, parentIdentifier: null, position, depth: 1, specification: null });
  }

  const relations: ReqifRelation[] = [];
  for (const [identifier, n] of reader.relationNodes) {
    const source = refIn(n.SOURCE);
    const target = refIn(n.TARGET);
    const typeId = refIn(n.TYPE);
    if (typeId && !reader.typeNames.has(typeId)) reader.warn('danglingType', identifier, typeId);
    const missing = [source, target].filter((end) => !built.has(end));
    if (missing.length) {
      reader.warn('danglingRelationEnd', identifier, missing.join(', '));
      continue;
    }
    const fields: Record<string, string> = {};
    for (const v of reader.readValues(identifier, n.VALUES)) fields[v.name] = clip(reader, identifier, v.display, LIMITS.field);
    relations.push({ identifier, source, target, typeName: reader.typeNames.get(typeId) ?? attr(n, 'LONG-NAME'), fields });
  }

  return {
    title: reader.title,
    toolId: reader.toolId,
    sourceToolId: reader.sourceToolId,
    files: sources.map((s) => s.name),
    objects,
    relations,
    specifications,
    depth,
    warnings: reader.warnings,
  };
}

export function parseReqif(text: string, name = 'exchange.reqif'): ReqifDocument {
  return parseReqifFiles([{ name, text }]);
}
