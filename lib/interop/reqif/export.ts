import { escapeXml, markdownToXhtml } from './markdown-to-xhtml';
import { REQIF_NAMESPACE, XHTML_NAMESPACE } from './model';

/**
 * A project's requirements (their tree, text and custom fields), its technical specifications and the links between
 * them as one ReqIF 1.2 exchange that validates against the OMG schema. Identifiers a requirement was imported with
 * are written back, so the tool it came from recognises its objects; the others get `_` + their id.
 */
export interface ExportRequirement {
  id: string;
  ref: string;
  title: string;
  statement: string;
  parentId: string | null;
  identifier: string | null;
  fields: Record<string, string>;
  updatedAt: Date;
}
export interface ExportSpecification {
  id: string;
  ref: string;
  title: string;
  body: string;
  updatedAt: Date;
}
export interface ExportLink {
  /** Stable id of the link (a trace link's id, or an imported relation's identifier). */
  id: string;
  sourceId: string;
  targetId: string;
  typeName: string;
  identifier: string | null;
}
export interface ExportInput {
  projectKey: string;
  projectName: string;
  now: Date;
  requirements: ExportRequirement[];
  specifications: ExportSpecification[];
  links: ExportLink[];
}

const NCNAME = /^[A-Za-z_][\w.-]*$/;
const attrValue = (value: string) => escapeXml(value).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
const iso = (d: Date) => d.toISOString();

const ID = {
  header: '_passerelle_header',
  string: '_passerelle_datatype_string',
  xhtml: '_passerelle_datatype_xhtml',
  requirementType: '_passerelle_type_requirement',
  specificationType: '_passerelle_type_specification',
  documentType: '_passerelle_type_document',
  foreignId: (type: string) => `${type}_foreign_id`,
  name: (type: string) => `${type}_name`,
  text: (type: string) => `${type}_text`,
  field: (i: number) => `_passerelle_field_${i}`,
  relationType: (i: number) => `_passerelle_relation_type_${i}`,
  requirements: '_passerelle_specification_requirements',
  specifications: '_passerelle_specification_specifications',
} as const;

function stringDefinition(id: string, name: string, now: string) {
  return `<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="${id}" LAST-CHANGE="${now}" LONG-NAME="${attrValue(name)}"><TYPE><DATATYPE-DEFINITION-STRING-REF>${ID.string}</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>`;
}
function xhtmlDefinition(id: string, name: string, now: string) {
  return `<ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="${id}" LAST-CHANGE="${now}" LONG-NAME="${attrValue(name)}"><TYPE><DATATYPE-DEFINITION-XHTML-REF>${ID.xhtml}</DATATYPE-DEFINITION-XHTML-REF></TYPE></ATTRIBUTE-DEFINITION-XHTML>`;
}
function stringValue(definition: string, value: string) {
  return `<ATTRIBUTE-VALUE-STRING THE-VALUE="${attrValue(value)}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>${definition}</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>`;
}
function xhtmlValue(definition: string, markdown: string) {
  return `<ATTRIBUTE-VALUE-XHTML><DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>${definition}</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION><THE-VALUE>${markdownToXhtml(markdown)}</THE-VALUE></ATTRIBUTE-VALUE-XHTML>`;
}
function objectType(id: string, name: string, now: string, extra: string) {
  return `<SPEC-OBJECT-TYPE IDENTIFIER="${id}" LAST-CHANGE="${now}" LONG-NAME="${attrValue(name)}"><SPEC-ATTRIBUTES>${stringDefinition(ID.foreignId(id), 'ReqIF.ForeignID', now)}${stringDefinition(ID.name(id), 'ReqIF.Name', now)}${xhtmlDefinition(ID.text(id), 'ReqIF.Text', now)}${extra}</SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE>`;
}

export function buildReqifExport(input: ExportInput): string {
  const now = iso(input.now);
  const fieldNames = [...new Set(input.requirements.flatMap((r) => Object.keys(r.fields)))].sort();
  const fieldIds = new Map(fieldNames.map((name, i) => [name, ID.field(i)]));
  const relationTypes = [...new Set(input.links.map((l) => l.typeName || 'Relation'))].sort();
  const relationTypeIds = new Map(relationTypes.map((name, i) => [name, ID.relationType(i)]));

  const used = new Set<string>();
  const objectId = new Map<string, string>();
  const claim = (id: string, preferred: string | null) => {
    const identifier = preferred && NCNAME.test(preferred) && !used.has(preferred) ? preferred : `_${id}`;
    used.add(identifier);
    objectId.set(id, identifier);
    return identifier;
  };

  const objects: string[] = [];
  for (const r of input.requirements) {
    const identifier = claim(r.id, r.identifier);
    const values = [
      stringValue(ID.foreignId(ID.requirementType), r.ref),
      stringValue(ID.name(ID.requirementType), r.title),
      xhtmlValue(ID.text(ID.requirementType), r.statement),
      ...Object.entries(r.fields).map(([name, value]) => stringValue(fieldIds.get(name)!, value)),
    ].join('');
    objects.push(
      `<SPEC-OBJECT IDENTIFIER="${attrValue(identifier)}" LAST-CHANGE="${iso(r.updatedAt)}" LONG-NAME="${attrValue(r.ref)}"><VALUES>${values}</VALUES><TYPE><SPEC-OBJECT-TYPE-REF>${ID.requirementType}</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>`,
    );
  }
  for (const s of input.specifications) {
    const identifier = claim(s.id, null);
    const values = [
      stringValue(ID.foreignId(ID.specificationType), s.ref),
      stringValue(ID.name(ID.specificationType), s.title),
      xhtmlValue(ID.text(ID.specificationType), s.body),
    ].join('');
    objects.push(
      `<SPEC-OBJECT IDENTIFIER="${identifier}" LAST-CHANGE="${iso(s.updatedAt)}" LONG-NAME="${attrValue(s.ref)}"><VALUES>${values}</VALUES><TYPE><SPEC-OBJECT-TYPE-REF>${ID.specificationType}</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>`,
    );
  }

  const relations = input.links
    .filter((l) => objectId.has(l.sourceId) && objectId.has(l.targetId))
    .map((l) => {
      const identifier = l.identifier && NCNAME.test(l.identifier) && !used.has(l.identifier) ? l.identifier : `_${l.id}`;
      used.add(identifier);
      return `<SPEC-RELATION IDENTIFIER="${attrValue(identifier)}" LAST-CHANGE="${now}"><SOURCE><SPEC-OBJECT-REF>${attrValue(objectId.get(l.sourceId)!)}</SPEC-OBJECT-REF></SOURCE><TARGET><SPEC-OBJECT-REF>${attrValue(objectId.get(l.targetId)!)}</SPEC-OBJECT-REF></TARGET><TYPE><SPEC-RELATION-TYPE-REF>${relationTypeIds.get(l.typeName || 'Relation')}</SPEC-RELATION-TYPE-REF></TYPE></SPEC-RELATION>`;
    });

  // The requirement tree, children in the order given (the project's numbering).
  const known = new Set(input.requirements.map((r) => r.id));
  const kids = new Map<string | null, ExportRequirement[]>();
  for (const r of input.requirements) {
    const parent = r.parentId && known.has(r.parentId) ? r.parentId : null;
    kids.set(parent, [...(kids.get(parent) ?? []), r]);
  }
  const hierarchy = (parent: string | null, seen: Set<string>): string =>
    (kids.get(parent) ?? [])
      .filter((r) => !seen.has(r.id))
      .map((r) => {
        seen.add(r.id);
        const inner = hierarchy(r.id, seen);
        return `<SPEC-HIERARCHY IDENTIFIER="_h${r.id}" LAST-CHANGE="${iso(r.updatedAt)}"><OBJECT><SPEC-OBJECT-REF>${attrValue(objectId.get(r.id)!)}</SPEC-OBJECT-REF></OBJECT>${inner && `<CHILDREN>${inner}</CHILDREN>`}</SPEC-HIERARCHY>`;
      })
      .join('');
  const requirementTree = hierarchy(null, new Set());
  const specificationList = input.specifications
    .map((s) => `<SPEC-HIERARCHY IDENTIFIER="_h${s.id}" LAST-CHANGE="${iso(s.updatedAt)}"><OBJECT><SPEC-OBJECT-REF>${objectId.get(s.id)}</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>`)
    .join('');
  const specification = (id: string, name: string, children: string) =>
    `<SPECIFICATION IDENTIFIER="${id}" LAST-CHANGE="${now}" LONG-NAME="${attrValue(name)}"><TYPE><SPECIFICATION-TYPE-REF>${ID.documentType}</SPECIFICATION-TYPE-REF></TYPE>${children && `<CHILDREN>${children}</CHILDREN>`}</SPECIFICATION>`;

  const title = `${input.projectKey} — ${input.projectName}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<REQ-IF xmlns="${REQIF_NAMESPACE}" xmlns:xhtml="${XHTML_NAMESPACE}">`,
    `<THE-HEADER><REQ-IF-HEADER IDENTIFIER="${ID.header}"><CREATION-TIME>${now}</CREATION-TIME><REQ-IF-TOOL-ID>Passerelle</REQ-IF-TOOL-ID><REQ-IF-VERSION>1.0</REQ-IF-VERSION><SOURCE-TOOL-ID>Passerelle</SOURCE-TOOL-ID><TITLE>${escapeXml(title)}</TITLE></REQ-IF-HEADER></THE-HEADER>`,
    '<CORE-CONTENT><REQ-IF-CONTENT>',
    `<DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER="${ID.string}" LAST-CHANGE="${now}" LONG-NAME="Texte" MAX-LENGTH="32000"/><DATATYPE-DEFINITION-XHTML IDENTIFIER="${ID.xhtml}" LAST-CHANGE="${now}" LONG-NAME="Texte riche"/></DATATYPES>`,
    '<SPEC-TYPES>',
    objectType(ID.requirementType, 'Exigence', now, fieldNames.map((name) => stringDefinition(fieldIds.get(name)!, name, now)).join('')),
    objectType(ID.specificationType, 'Spécification technique', now, ''),
    ...relationTypes.map((name) => `<SPEC-RELATION-TYPE IDENTIFIER="${relationTypeIds.get(name)}" LAST-CHANGE="${now}" LONG-NAME="${attrValue(name)}"/>`),
    `<SPECIFICATION-TYPE IDENTIFIER="${ID.documentType}" LAST-CHANGE="${now}" LONG-NAME="Document"/>`,
    '</SPEC-TYPES>',
    objects.length ? `<SPEC-OBJECTS>${objects.join('')}</SPEC-OBJECTS>` : '',
    relations.length ? `<SPEC-RELATIONS>${relations.join('')}</SPEC-RELATIONS>` : '',
    `<SPECIFICATIONS>${specification(ID.requirements, 'Exigences', requirementTree)}${specification(ID.specifications, 'Spécifications techniques', specificationList)}</SPECIFICATIONS>`,
    '</REQ-IF-CONTENT></CORE-CONTENT>',
    '</REQ-IF>',
    '',
  ].join('\n');
}
