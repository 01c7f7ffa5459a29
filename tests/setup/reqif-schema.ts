import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { fixturesDir } from '@/lib/interop/fixtures-path';

/**
 * Validates ReqIF text against the OMG schema shipped with the fixtures, with libxml2 compiled to wasm (no system
 * package). The shipped schemas import the `xml` namespace with an empty location, which libxml2 refuses as a
 * self-import: a minimal xml.xsd (lang, space, base, id) is preloaded and each empty location pointed at it.
 */
const XML_XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace" xml:lang="en">
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
  <xs:attributeGroup name="specialAttrs"><xs:attribute ref="xml:base"/><xs:attribute ref="xml:lang"/><xs:attribute ref="xml:space"/><xs:attribute ref="xml:id"/></xs:attributeGroup>
</xs:schema>`;

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

let cached: { schema: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] } | null = null;

function schemaFiles() {
  if (cached) return cached;
  const root = fixturesDir('reqif', 'schema');
  const files = walk(root).filter((f) => f.endsWith('.xsd'));
  const load = (relative: string) => {
    const depth = relative.split(path.sep).length - 1;
    const toXml = `${'../'.repeat(depth)}xml.xsd`;
    return readFileSync(path.join(root, relative), 'utf8').replace(/schemaLocation=""/g, `schemaLocation="${toXml}"`);
  };
  cached = {
    schema: { fileName: 'reqif.xsd', contents: load('reqif.xsd') },
    preload: [
      { fileName: 'xml.xsd', contents: XML_XSD },
      ...files.filter((f) => f !== 'reqif.xsd').map((f) => ({ fileName: f.split(path.sep).join('/'), contents: load(f) })),
    ],
  };
  return cached;
}

export async function validateReqif(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const { schema, preload } = schemaFiles();
  const result = await validateXML({ xml: [{ fileName: 'exchange.reqif', contents: xml }], schema: [schema], preload });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage ?? e.message) };
}
