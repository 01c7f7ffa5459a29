import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { fixturesDir } from '../fixtures-path';
import { readReqifUpload, UPLOAD_LIMITS } from './archive';
import { ReqifError } from './errors';
import type { ReqifDocument } from './model';
import { parseReqif } from './parse';

function fixture(name: string): ReqifDocument {
  return readReqifUpload(name, new Uint8Array(readFileSync(fixturesDir('reqif', name))));
}
function warningCounts(doc: ReqifDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of doc.warnings) counts[w.code] = (counts[w.code] ?? 0) + 1;
  return counts;
}
function refusal(run: () => unknown): ReqifError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReqifError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('every fixture of the corpus (fixtures/README: objects, relations, depth)', () => {
  test.each([
    ['doors9_capella_requirements_vp.reqif', 1, 0, 1, {}],
    ['polarion_test_export.reqif', 2, 0, 2, { duplicateIdentifier: 1 }],
    ['polarion_test_export.reqifz', 2, 0, 2, { duplicateIdentifier: 1 }],
    // 29 references dangle: 14 relation types, the 14 attribute definitions of their values, one hierarchy object.
    ['reqif_studio_anonymized_137_objects_14_relations.reqif', 137, 14, 4, { danglingType: 14, danglingAttribute: 14, danglingObject: 1 }],
    ['rmf_ifr_TC1000_simple_content_all_datatypes.reqif', 1, 0, 1, {}],
    ['rmf_ifr_TC1100_system_attributes_hierarchy.reqif', 5, 0, 3, {}],
    ['rmf_ifr_TC1200_formatted_xhtml_content.reqif', 44, 0, 1, {}],
    ['rmf_ifr_TC1300_specrelation_relationgroup.reqif', 2, 1, 1, {}],
    ['rmf_ifr_TC1700_multifile_specrelation.reqifz', 2, 1, 1, {}],
  ])('%s: %i objects, %i relations, depth %i', (name, objects, relations, depth, warnings) => {
    const doc = fixture(name);
    expect(doc.objects).toHaveLength(objects);
    expect(doc.relations).toHaveLength(relations);
    expect(doc.depth).toBe(depth);
    expect(warningCounts(doc)).toEqual(warnings);
    // Parents always come before their children, so an import can file each under one already written.
    const seen = new Set<string>();
    for (const o of doc.objects) {
      if (o.parentIdentifier) expect(seen.has(o.parentIdentifier)).toBe(true);
      seen.add(o.identifier);
      expect(o.title.length).toBeGreaterThan(0);
    }
  });

  test('the pre-1.0 draft namespace is refused, saying which namespace and why', () => {
    const error = refusal(() => fixture('legacy_rif72_ns20101201_specRelationTest.reqif'));
    expect(error.code).toBe('legacyNamespace');
    expect(error.detail).toBe('http://www.omg.org/spec/ReqIF/20101201');
  });

  test('Polarion: heading holding a requirement, title from ReqIF.ChapterName, text from ReqIF.Text, the rest as fields', () => {
    const [heading, requirement] = fixture('polarion_test_export.reqif').objects;
    expect(heading).toMatchObject({ title: 'Section 1', text: 'Section text...', parentIdentifier: null, depth: 1 });
    expect(requirement).toMatchObject({
      title: 'SW: Lorem Ipsum',
      text: 'The Lorem Ipsum shall do something.',
      parentIdentifier: heading!.identifier,
      depth: 2,
      typeName: 'System Requirement',
    });
    expect(requirement!.fields).toEqual({
      'ReqIF.ForeignCreatedBy': 'redacted@mail.com',
      'ReqIF.ForeignID': 'LOREM-818',
      Status: 'Draft',
      'ReqIF.ForeignCreatedOn': '2023-03-15T10:46:58.611Z',
    });
  });

  test('TC1000: every simple datatype as a field, the multi-valued enumeration with its two labels and more', () => {
    const [object] = fixture('rmf_ifr_TC1000_simple_content_all_datatypes.reqif').objects;
    expect(object!.fields).toMatchObject({
      'TC1000 Integer': '5000',
      'TC1000 Real': '1234.5',
      'TC1000 Date': '2002-05-30T09:30:10.000+06:00',
      TC1000T: 'true',
      TC1000F: 'false',
      'TC1000 Enum': 'TC1000 Yellow',
    });
    expect(object!.fields['TC1000 Enum MultiValue']!.split(', ').length).toBeGreaterThanOrEqual(2);
  });

  test('DOORS: title from an XHTML ReqIF.Name, with the xhtml: prefix', () => {
    const [object] = fixture('doors9_capella_requirements_vp.reqif').objects;
    expect(object).toMatchObject({ title: 'Requirement-1', fields: { 'IE Object Type': 'Requirement' } });
  });

  test('TC1700: the relation in part 1 resolves to objects of part 0', () => {
    const doc = fixture('rmf_ifr_TC1700_multifile_specrelation.reqifz');
    expect(doc.files).toHaveLength(2);
    const ids = new Set(doc.objects.map((o) => o.identifier));
    expect(ids.has(doc.relations[0]!.source) && ids.has(doc.relations[0]!.target)).toBe(true);
  });

  test('TC1200: tables and lists survive as Markdown', () => {
    const texts = fixture('rmf_ifr_TC1200_formatted_xhtml_content.reqif').objects.map((o) => o.text);
    expect(texts.some((t) => /^\| .* \|$/m.test(t) && /^\| --- /m.test(t))).toBe(true);
    expect(texts.some((t) => /^- /m.test(t))).toBe(true);
    expect(texts.some((t) => /^1\. /m.test(t))).toBe(true);
  });
});

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>`;
function minimal(body: string, ns = 'http://www.omg.org/spec/ReqIF/20110401/reqif.xsd'): string {
  return `${HEAD}<REQ-IF xmlns="${ns}"><THE-HEADER><REQ-IF-HEADER IDENTIFIER="h"><TITLE>t</TITLE></REQ-IF-HEADER></THE-HEADER>
  <CORE-CONTENT><REQ-IF-CONTENT>${body}</REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>`;
}
const TYPES = `<DATATYPES><DATATYPE-DEFINITION-DATE IDENTIFIER="dt"/><DATATYPE-DEFINITION-STRING IDENTIFIER="ds"/></DATATYPES>
<SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER="ot" LONG-NAME="Req"><SPEC-ATTRIBUTES>
<ATTRIBUTE-DEFINITION-DATE IDENTIFIER="ad" LONG-NAME="Due"><TYPE><DATATYPE-DEFINITION-DATE-REF>dt</DATATYPE-DEFINITION-DATE-REF></TYPE></ATTRIBUTE-DEFINITION-DATE>
<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="an" LONG-NAME="ReqIF.Name"><TYPE><DATATYPE-DEFINITION-STRING-REF>ds</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
</SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE></SPEC-TYPES>`;
function object(id: string, name: string, due = '2026-01-01') {
  return `<SPEC-OBJECT IDENTIFIER="${id}"><TYPE><SPEC-OBJECT-TYPE-REF>ot</SPEC-OBJECT-TYPE-REF></TYPE><VALUES>
  <ATTRIBUTE-VALUE-STRING THE-VALUE="${name}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>an</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
  <ATTRIBUTE-VALUE-DATE THE-VALUE="${due}"><DEFINITION><ATTRIBUTE-DEFINITION-DATE-REF>ad</ATTRIBUTE-DEFINITION-DATE-REF></DEFINITION></ATTRIBUTE-VALUE-DATE></VALUES></SPEC-OBJECT>`;
}

describe('tolerated and reported', () => {
  test('duplicate identifiers keep the first, a bad date is kept as written, a dangling relation end is skipped', () => {
    const doc = parseReqif(
      minimal(`${TYPES}<SPEC-OBJECTS>${object('a', 'Premier')}${object('a', 'Doublon')}${object('b', 'Second', '31/02/2026')}</SPEC-OBJECTS>
      <SPEC-RELATIONS><SPEC-RELATION IDENTIFIER="r"><SOURCE><SPEC-OBJECT-REF>a</SPEC-OBJECT-REF></SOURCE><TARGET><SPEC-OBJECT-REF>zz</SPEC-OBJECT-REF></TARGET></SPEC-RELATION></SPEC-RELATIONS>`),
    );
    expect(doc.objects.map((o) => o.title)).toEqual(['Premier', 'Second']);
    expect(doc.objects[1]!.fields.Due).toBe('31/02/2026');
    expect(doc.relations).toEqual([]);
    expect(warningCounts(doc)).toEqual({ duplicateIdentifier: 1, badDate: 1, danglingRelationEnd: 1 });
  });

  test('an object filed twice keeps its first place, reported', () => {
    const h = (id: string, ref: string, kids = '') =>
      `<SPEC-HIERARCHY IDENTIFIER="${id}"><OBJECT><SPEC-OBJECT-REF>${ref}</SPEC-OBJECT-REF></OBJECT>${kids && `<CHILDREN>${kids}</CHILDREN>`}</SPEC-HIERARCHY>`;
    const doc = parseReqif(
      minimal(`${TYPES}<SPEC-OBJECTS>${object('a', 'A')}${object('b', 'B')}</SPEC-OBJECTS>
      <SPECIFICATIONS><SPECIFICATION IDENTIFIER="s"><CHILDREN>${h('h1', 'a', h('h2', 'b'))}${h('h3', 'b')}</CHILDREN></SPECIFICATION></SPECIFICATIONS>`),
    );
    expect(doc.objects.map((o) => [o.identifier, o.parentIdentifier])).toEqual([['a', null], ['b', 'a']]);
    expect(warningCounts(doc)).toEqual({ severalPlaces: 1 });
  });

  test('a hierarchy 150 deep is read; one thousands deep is refused as such, not a crash', () => {
    const build = (levels: number) => {
      let nested = '';
      for (let i = 0; i < levels; i += 1) nested = `<SPEC-HIERARCHY IDENTIFIER="h${i}"><OBJECT><SPEC-OBJECT-REF>a</SPEC-OBJECT-REF></OBJECT>${nested && `<CHILDREN>${nested}</CHILDREN>`}</SPEC-HIERARCHY>`;
      return minimal(`${TYPES}<SPEC-OBJECTS>${object('a', 'A')}</SPEC-OBJECTS><SPECIFICATIONS><SPECIFICATION IDENTIFIER="s"><CHILDREN>${nested}</CHILDREN></SPECIFICATION></SPECIFICATIONS>`);
    };
    const doc = parseReqif(build(150));
    expect(doc.objects).toHaveLength(1);
    expect(doc.depth).toBe(150);
    expect(refusal(() => parseReqif(build(3000))).code).toBe('malformed');
  });
});

describe('hostile input is refused before anything is expanded', () => {
  test('external entity (XXE)', () => {
    const xxe = `${HEAD}<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><REQ-IF>&x;</REQ-IF>`;
    expect(refusal(() => parseReqif(xxe)).code).toBe('doctype');
  });

  test('entity expansion (billion laughs)', () => {
    let entities = '<!ENTITY l0 "lol">';
    for (let i = 1; i < 10; i += 1) entities += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    const bomb = `${HEAD}<!DOCTYPE r [${entities}]><REQ-IF a="&l9;">&l9;</REQ-IF>`;
    expect(refusal(() => parseReqif(bomb)).code).toBe('doctype');
  });

  test('malformed XML names the line', () => {
    const error = refusal(() => parseReqif(`${HEAD}\n<REQ-IF>\n<SPEC-OBJECTS></REQ-IF>`));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatch(/^3:/);
  });

  test('a root that is not REQ-IF, and a namespace nobody knows', () => {
    expect(refusal(() => parseReqif(`${HEAD}<testsuites/>`)).code).toBe('notReqif');
    expect(refusal(() => parseReqif(minimal('', 'urn:other'))).code).toBe('unknownNamespace');
  });

  /** Rewrites the uncompressed size every header of the archive declares. */
  function declareSize(zip: Uint8Array, size: number): Uint8Array {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i < zip.length - 4; i += 1) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
    }
    return zip;
  }

  test('a zip bomb: members declaring more than the limit are refused before they are inflated', () => {
    const zip = declareSize(zipSync({ 'a.reqif': strToU8('<REQ-IF/>'), 'b.reqif': strToU8('<REQ-IF/>') }), UPLOAD_LIMITS.unpackedBytes / 2 + 1);
    expect(refusal(() => readReqifUpload('bomb.reqifz', zip)).code).toBe('zipTooLarge');
  });

  test('a zip bomb that lies about its sizes cannot inflate past what it declares', () => {
    const zip = declareSize(zipSync({ 'a.reqif': new Uint8Array(5 * 1024 * 1024).fill(0x20) }, { level: 9 }), 100);
    expect(zip.length).toBeLessThan(64 * 1024);
    const error = refusal(() => readReqifUpload('liar.reqifz', zip));
    expect(['malformed', 'notReqif', 'zipInvalid']).toContain(error.code);
  });

  test('a zip with junk members and no .reqif is refused; junk beside a .reqif is ignored', () => {
    expect(refusal(() => readReqifUpload('x.reqifz', zipSync({ 'notes.txt': strToU8('hello') }))).code).toBe('zipEmpty');
    const doc = readReqifUpload('x.reqifz', zipSync({ 'notes.txt': strToU8('x'), 'image.png': new Uint8Array(10), 'm.reqif': strToU8(minimal(`${TYPES}<SPEC-OBJECTS>${object('a', 'A')}</SPEC-OBJECTS>`)) }));
    expect(doc.objects).toHaveLength(1);
    expect(refusal(() => readReqifUpload('x.reqifz', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]))).code).toBe('zipInvalid');
  });
});
