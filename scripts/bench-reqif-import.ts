import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createPglite, openPglite, openPostgres, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { applyReqifImport } from '@/db/queries/reqif';
import { projects, users } from '@/db/schema';
import { readReqifUpload } from '@/lib/interop/reqif/archive';
import { importSource } from '@/lib/interop/reqif/preview';

/**
 * `npm run bench:reqif [-- --objects 5000] [-- --write file.reqif]` (--write keeps the generated file)
 * Generates a ReqIF file of N objects (50 chapters, XHTML text with a list and a table, an enumeration and a date,
 * one relation in five) and imports it end to end — bytes → parse → plan → one transaction — as the import action
 * does, then re-imports a newer export where one object in ten changed (new versions). On an in-memory PGlite,
 * and also on DATABASE_URL when it is set (a throwaway project is added there). Figures, not assertions; the CPU
 * time of this process (PGlite runs inside it) is printed beside the wall time, as it depends less on what else the
 * machine is running.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const OBJECTS = Number(args.get('objects') ?? 5000);
const CHAPTERS = 50;

function generate(objects: number, revision: number): string {
  const parts: string[] = [];
  const hierarchy: string[] = [];
  const relations: string[] = [];
  const perChapter = Math.ceil((objects - CHAPTERS) / CHAPTERS);
  let n = 0;
  const object = (id: string, name: string, text: string, status: number) =>
    `<SPEC-OBJECT IDENTIFIER="${id}" LAST-CHANGE="2026-03-02T09:00:00Z"><TYPE><SPEC-OBJECT-TYPE-REF>ot</SPEC-OBJECT-TYPE-REF></TYPE><VALUES>
<ATTRIBUTE-VALUE-STRING THE-VALUE="${name}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>a-name</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
<ATTRIBUTE-VALUE-XHTML><DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>a-text</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION><THE-VALUE>${text}</THE-VALUE></ATTRIBUTE-VALUE-XHTML>
<ATTRIBUTE-VALUE-ENUMERATION><DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>a-status</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION><VALUES><ENUM-VALUE-REF>e${status % 3}</ENUM-VALUE-REF></VALUES></ATTRIBUTE-VALUE-ENUMERATION>
<ATTRIBUTE-VALUE-DATE THE-VALUE="2026-0${1 + (status % 9)}-15T10:00:00Z"><DEFINITION><ATTRIBUTE-DEFINITION-DATE-REF>a-due</ATTRIBUTE-DEFINITION-DATE-REF></DEFINITION></ATTRIBUTE-VALUE-DATE>
</VALUES></SPEC-OBJECT>`;
  for (let c = 0; c < CHAPTERS && n < objects; c += 1) {
    const chapter = `_chap${c}`;
    parts.push(object(chapter, `Chapitre ${c + 1}`, `<xhtml:div><xhtml:p>Introduction du chapitre ${c + 1}.</xhtml:p></xhtml:div>`, c));
    n += 1;
    const children: string[] = [];
    for (let i = 0; i < perChapter && n < objects; i += 1, n += 1) {
      const id = `_req${n}`;
      const changed = revision > 1 && n % 10 === 0 ? ' (révisée)' : '';
      parts.push(
        object(
          id,
          `Exigence ${n}${changed}`,
          `<xhtml:div><xhtml:p>Le système <xhtml:b>doit</xhtml:b> traiter la demande ${n}${changed}.</xhtml:p><xhtml:ul><xhtml:li>contrôle ${n}</xhtml:li><xhtml:li>journal</xhtml:li></xhtml:ul><xhtml:table><xhtml:tr><xhtml:th>Seuil</xhtml:th><xhtml:th>Unité</xhtml:th></xhtml:tr><xhtml:tr><xhtml:td>${n}</xhtml:td><xhtml:td>ms</xhtml:td></xhtml:tr></xhtml:table></xhtml:div>`,
          n,
        ),
      );
      children.push(`<SPEC-HIERARCHY IDENTIFIER="_h${n}" LAST-CHANGE="2026-03-02T09:00:00Z"><OBJECT><SPEC-OBJECT-REF>${id}</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>`);
      if (n % 5 === 0 && n > 1) {
        relations.push(
          `<SPEC-RELATION IDENTIFIER="_rel${n}" LAST-CHANGE="2026-03-02T09:00:00Z"><SOURCE><SPEC-OBJECT-REF>${id}</SPEC-OBJECT-REF></SOURCE><TARGET><SPEC-OBJECT-REF>${chapter}</SPEC-OBJECT-REF></TARGET><TYPE><SPEC-RELATION-TYPE-REF>rt</SPEC-RELATION-TYPE-REF></TYPE></SPEC-RELATION>`,
        );
      }
    }
    hierarchy.push(
      `<SPEC-HIERARCHY IDENTIFIER="_hc${c}" LAST-CHANGE="2026-03-02T09:00:00Z"><OBJECT><SPEC-OBJECT-REF>${chapter}</SPEC-OBJECT-REF></OBJECT><CHILDREN>${children.join('')}</CHILDREN></SPEC-HIERARCHY>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<THE-HEADER><REQ-IF-HEADER IDENTIFIER="_hdr"><REQ-IF-TOOL-ID>bench</REQ-IF-TOOL-ID><TITLE>Banc ReqIF</TITLE></REQ-IF-HEADER></THE-HEADER>
<CORE-CONTENT><REQ-IF-CONTENT>
<DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER="ds" MAX-LENGTH="1000"/><DATATYPE-DEFINITION-XHTML IDENTIFIER="dx"/><DATATYPE-DEFINITION-DATE IDENTIFIER="dd"/>
<DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="de"><SPECIFIED-VALUES><ENUM-VALUE IDENTIFIER="e0" LONG-NAME="Brouillon"/><ENUM-VALUE IDENTIFIER="e1" LONG-NAME="Revue"/><ENUM-VALUE IDENTIFIER="e2" LONG-NAME="Approuvée"/></SPECIFIED-VALUES></DATATYPE-DEFINITION-ENUMERATION></DATATYPES>
<SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER="ot" LONG-NAME="Exigence"><SPEC-ATTRIBUTES>
<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a-name" LONG-NAME="ReqIF.Name"><TYPE><DATATYPE-DEFINITION-STRING-REF>ds</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
<ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="a-text" LONG-NAME="ReqIF.Text"><TYPE><DATATYPE-DEFINITION-XHTML-REF>dx</DATATYPE-DEFINITION-XHTML-REF></TYPE></ATTRIBUTE-DEFINITION-XHTML>
<ATTRIBUTE-DEFINITION-ENUMERATION IDENTIFIER="a-status" LONG-NAME="Statut"><TYPE><DATATYPE-DEFINITION-ENUMERATION-REF>de</DATATYPE-DEFINITION-ENUMERATION-REF></TYPE></ATTRIBUTE-DEFINITION-ENUMERATION>
<ATTRIBUTE-DEFINITION-DATE IDENTIFIER="a-due" LONG-NAME="Échéance"><TYPE><DATATYPE-DEFINITION-DATE-REF>dd</DATATYPE-DEFINITION-DATE-REF></TYPE></ATTRIBUTE-DEFINITION-DATE>
</SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE><SPEC-RELATION-TYPE IDENTIFIER="rt" LONG-NAME="Raffine"/></SPEC-TYPES>
<SPEC-OBJECTS>${parts.join('\n')}</SPEC-OBJECTS>
<SPEC-RELATIONS>${relations.join('\n')}</SPEC-RELATIONS>
<SPECIFICATIONS><SPECIFICATION IDENTIFIER="_spec" LONG-NAME="Banc"><CHILDREN>${hierarchy.join('\n')}</CHILDREN></SPECIFICATION></SPECIFICATIONS>
</REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>`;
}

async function importOnce(handle: DatabaseHandle, projectId: string, actorId: string, bytes: Uint8Array, label: string) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const doc = readReqifUpload('bench.reqif', bytes);
  const parsed = performance.now();
  const { summary } = await handle.db.transaction((tx) =>
    applyReqifImport(tx, { projectId, actorId, doc, decisions: new Map(), source: importSource(doc, 'bench.reqif') }),
  );
  const done = performance.now();
  const used = process.cpuUsage(cpu);
  console.log(
    `${handle.kind.padEnd(10)} ${label.padEnd(28)} parse ${(parsed - started).toFixed(0).padStart(6)} ms   write ${(done - parsed).toFixed(0).padStart(6)} ms   total ${(done - started).toFixed(0).padStart(6)} ms   (this process's CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)   created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, relations ${summary.relations}`,
  );
}

async function run(handle: DatabaseHandle, first: Uint8Array, second: Uint8Array) {
  await migrateDatabase(handle);
  const tag = randomUUID().slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
  const [user] = await handle.db.insert(users).values({ email: `bench-reqif-${tag}@example.test`, name: 'Banc ReqIF', passwordHash: 'x' }).returning({ id: users.id });
  const [project] = await handle.db.insert(projects).values({ key: `RQ${tag}`.slice(0, 10), name: 'Banc ReqIF', client: 'Bench', createdBy: user!.id }).returning({ id: projects.id });
  await importOnce(handle, project!.id, user!.id, first, `import (${OBJECTS} objects)`);
  await importOnce(handle, project!.id, user!.id, second, 're-import (1 in 10 changed)');
}

async function main() {
  const started = performance.now();
  const first = new TextEncoder().encode(generate(OBJECTS, 1));
  const second = new TextEncoder().encode(generate(OBJECTS, 2));
  if (args.get('write')) writeFileSync(args.get('write')!, first);
  console.log(`generated ${OBJECTS} objects: ${(first.length / 1024 / 1024).toFixed(1)} MB in ${(performance.now() - started).toFixed(0)} ms`);
  const pglite = openPglite(await createPglite());
  try {
    await run(pglite, first, second);
  } finally {
    await pglite.close();
  }
  if (process.env.DATABASE_URL) {
    const postgres = openPostgres(process.env.DATABASE_URL);
    try {
      await run(postgres, first, second);
    } finally {
      await postgres.close();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
