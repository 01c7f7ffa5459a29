/**
 * What the API reference page shows of the OpenAPI document: each operation's parameters and the fields of its
 * request and response bodies, flattened to dotted names (`data[].ref`), `$ref`s resolved. Pure, so the page and
 * its test read the same generated document.
 */
interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  additionalProperties?: SchemaNode | boolean;
  description?: string;
  default?: unknown;
}

interface Document {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaNode> };
}

interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: SchemaNode }[];
  requestBody?: { content: Record<string, { schema: SchemaNode }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: SchemaNode }> }>;
}

export interface ReferenceField {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ReferenceField[];
  body: ReferenceField[];
  successStatus: string;
  response: ReferenceField[];
  statuses: { status: string; description: string }[];
}

function resolve(node: SchemaNode, doc: Document): SchemaNode {
  let current = node;
  for (let i = 0; i < 10 && current.$ref; i++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = { ...(doc.components?.schemas?.[name] ?? {}), description: current.description ?? doc.components?.schemas?.[name]?.description };
  }
  return current;
}

function typeOf(node: SchemaNode, doc: Document): string {
  const n = resolve(node, doc);
  const alternatives = n.anyOf ?? n.oneOf;
  if (alternatives) return alternatives.map((a) => typeOf(a, doc)).join(' | ');
  if (n.enum) return n.enum.map((v) => JSON.stringify(v)).join(' | ');
  const type = Array.isArray(n.type) ? n.type.join(' | ') : (n.type ?? 'object');
  if (type === 'array' && n.items) return `${typeOf(n.items, doc)}[]`;
  return n.format ? `${type} (${n.format})` : type;
}

/** The object's fields, nested objects and arrays of objects flattened below their name, three levels at most. */
export function fieldsOf(node: SchemaNode, doc: Document, prefix = '', depth = 0): ReferenceField[] {
  const n = resolve(node, doc);
  const object = (n.anyOf ?? n.oneOf)?.map((a) => resolve(a, doc)).find((a) => a.properties) ?? n;
  if (!object.properties || depth > 3) return [];
  const out: ReferenceField[] = [];
  for (const [key, child] of Object.entries(object.properties)) {
    const name = `${prefix}${key}`;
    const resolved = resolve(child, doc);
    out.push({ name, type: typeOf(child, doc), required: object.required?.includes(key) ?? false, description: resolved.description ?? '' });
    if (resolved.properties) out.push(...fieldsOf(resolved, doc, `${name}.`, depth + 1));
    else if (resolved.items) out.push(...fieldsOf(resolved.items, doc, `${name}[].`, depth + 1));
  }
  return out;
}

export function referenceOf(document: unknown): ReferenceOperation[] {
  const doc = document as Document;
  const out: ReferenceOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const success = Object.keys(op.responses).find((s) => s.startsWith('2')) ?? '200';
      const successSchema = Object.values(op.responses[success]?.content ?? {})[0]?.schema;
      const bodySchema = op.requestBody ? Object.values(op.requestBody.content)[0]?.schema : undefined;
      out.push({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? op.operationId,
        description: op.description ?? '',
        parameters: (op.parameters ?? []).map((p) => ({
          name: `${p.name} (${p.in})`,
          type: p.schema ? typeOf(p.schema, doc) : 'string',
          required: p.required ?? false,
          description: p.description ?? '',
        })),
        body: bodySchema ? fieldsOf(bodySchema, doc) : [],
        successStatus: success,
        response: successSchema ? fieldsOf(successSchema, doc) : [],
        statuses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description })),
      });
    }
  }
  return out;
}
