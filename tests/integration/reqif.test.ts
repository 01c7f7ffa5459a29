import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import * as reqifActions from '@/app/(app)/projects/[projectKey]/requirements/reqif-actions';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import { GET as exportRoute } from '@/app/api/projects/[projectKey]/reqif/export/route';
import { POST as uploadRoute } from '@/app/api/projects/[projectKey]/reqif/uploads/route';
import { getDb } from '@/db/client';
import { listVersions } from '@/db/queries/versioned-items';
import { fixturesDir } from '@/lib/interop/fixtures-path';
import type { ImportPreview } from '@/lib/interop/reqif/preview';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { auditRowsSince, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import { validateReqif } from '../setup/reqif-schema';
import { loose } from '../setup/server-actions';
import { createLink, createRequirementRow, createSpecificationRow } from '../setup/trace-items';

const importReqif = loose(reqifActions.importReqif);
const updateRequirement = loose(requirementActions.updateRequirement);

function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturesDir('reqif', name)));
}

async function upload(projectKey: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], name, { type: 'application/xml' }));
  const response = await uploadRoute(new Request(`http://localhost/api/projects/${projectKey}/reqif/uploads`, { method: 'POST', body: form }), {
    params: Promise.resolve({ projectKey }),
  });
  return { status: response.status, body: (await response.json()) as { uploadId: string; preview: ImportPreview; message?: string; refusal?: string } };
}

async function importFile(projectKey: string, bytes: Uint8Array, name: string, decisions: { identifier: string; choice: string }[] = []) {
  const uploaded = await upload(projectKey, bytes, name);
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  const result = (await importReqif({ projectKey, uploadId: uploaded.body.uploadId, decisions })) as { ok: boolean; data: Record<string, number> };
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return { preview: uploaded.body.preview, result: result.data, uploadId: uploaded.body.uploadId };
}

async function requirementsOf(projectId: string) {
  return queryRows<{ id: string; number: number; title: string; statement: string; parent_id: string | null; version: number; identifier: string | null; fields: Record<string, string> | null }>(
    sql`select r.id, r.number, r.title, r.statement, r.parent_id, r.version, s.identifier, s.fields
        from requirements r left join requirement_reqif_sources s on s.requirement_id = r.id
        where r.project_id = ${projectId} order by r.number`,
  );
}

/** Depth of each requirement in the project's tree (1 = top level). */
function depths(rows: { id: string; parent_id: string | null }[]): number[] {
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  return rows.map((r) => {
    let d = 1;
    for (let p = r.parent_id; p; p = parent.get(p) ?? null) d += 1;
    return d;
  });
}

/** The same exchange as a newer export: one object's name changed, keeping every identifier. */
function newerExport(): Uint8Array {
  const text = readFileSync(fixturesDir('reqif', 'rmf_ifr_TC1100_system_attributes_hierarchy.reqif'), 'utf8');
  const changed = text.replace('<xhtml:p>Obj1.1</xhtml:p>', '<xhtml:p>Obj1.1 révisé</xhtml:p>');
  expect(changed).not.toBe(text);
  return new TextEncoder().encode(changed);
}

describe('ReqIF import', () => {
  test('preview first (nothing imported), then one import: hierarchy, custom fields, relations, journal', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    const uploaded = await upload(project.key, fixtureBytes('reqif_studio_anonymized_137_objects_14_relations.reqif'), 'studio.reqif');
    expect(uploaded.status).toBe(201);
    const { preview } = uploaded.body;
    expect(preview).toMatchObject({ objects: 137, depth: 4, relations: 14, counts: { new: 137, changed: 0, unchanged: 0, conflict: 0 } });
    expect(Object.fromEntries(preview.warnings.map((w) => [w.code, w.count]))).toEqual({ danglingType: 14, danglingAttribute: 14, danglingObject: 1 });
    expect(await requirementsOf(project.id)).toEqual([]);

    const since = await maxAuditId();
    const result = await importReqif({ projectKey: project.key, uploadId: uploaded.body.uploadId, decisions: [] });
    expect(result).toEqual({ ok: true, data: { created: 137, updated: 0, unchanged: 0, skipped: 0, relations: 14 } });
    const rows = await requirementsOf(project.id);
    expect(rows).toHaveLength(137);
    expect(Math.max(...depths(rows))).toBe(4);
    expect(rows.every((r) => r.identifier && r.version === 1)).toBe(true);
    expect(rows[0]!.fields).toMatchObject({ NOTES: expect.any(String) });
    const [relationCount] = await queryRows<{ n: number }>(sql`select count(*)::int as n from requirement_relations where project_id = ${project.id}`);
    expect(relationCount!.n).toBe(14);
    const journal = await auditRowsSince(since);
    expect(journal.filter((r) => r.entity === 'requirement' && r.action === 'create')).toHaveLength(137);
    expect(journal.filter((r) => r.entity === 'reqifImport' && r.action === 'import')).toHaveLength(1);
    expect((await listVersions(getDb(), 'requirement', rows[0]!.id)).map((v) => v.version)).toEqual([1]);

    // The same upload cannot be imported twice.
    expect(await importReqif({ projectKey: project.key, uploadId: uploaded.body.uploadId, decisions: [] })).toMatchObject({ ok: false, code: 'conflict' });
  });

  test.each([
    ['doors9_capella_requirements_vp.reqif', 1, 1, 0],
    ['polarion_test_export.reqif', 2, 2, 0],
    ['polarion_test_export.reqifz', 2, 2, 0],
    ['rmf_ifr_TC1000_simple_content_all_datatypes.reqif', 1, 1, 0],
    ['rmf_ifr_TC1100_system_attributes_hierarchy.reqif', 5, 3, 0],
    ['rmf_ifr_TC1200_formatted_xhtml_content.reqif', 44, 1, 0],
    ['rmf_ifr_TC1300_specrelation_relationgroup.reqif', 2, 1, 1],
    ['rmf_ifr_TC1700_multifile_specrelation.reqifz', 2, 1, 1],
  ])('%s imports: %i requirements, depth %i, %i relations', async (name, objects, depth, relations) => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const { result } = await importFile(project.key, fixtureBytes(name), name);
    expect(result).toMatchObject({ created: objects, relations });
    const rows = await requirementsOf(project.id);
    expect(rows).toHaveLength(objects);
    expect(Math.max(...depths(rows))).toBe(depth);
  });

  test('the pre-1.0 namespace file is refused with the reason; nothing is kept', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    const before = await snapshotTables(['requirements', 'reqif_uploads', 'audit_events']);
    const refused = await upload(project.key, fixtureBytes('legacy_rif72_ns20101201_specRelationTest.reqif'), 'legacy.reqif');
    expect(refused.status).toBe(400);
    expect(refused.body.refusal).toBe('legacyNamespace');
    expect(refused.body.message).toMatch(/antérieur à la version 1\.0.*20101201/);
    expect(await snapshotTables(['requirements', 'reqif_uploads', 'audit_events'])).toEqual(before);
  });

  test('hostile input: XXE, billion laughs, malformed, zip bomb, oversize → a clear refusal, nothing written', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const before = await snapshotTables();
    const enc = (s: string) => new TextEncoder().encode(s);
    let laughs = '<!ENTITY l0 "lol">';
    for (let i = 1; i < 10; i += 1) laughs += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    const zipBomb = (() => {
      const zip = zipSync({ 'a.reqif': strToU8('<REQ-IF/>') });
      const view = new DataView(zip.buffer);
      for (let i = 0; i < zip.length - 4; i += 1) {
        const sig = view.getUint32(i, true);
        if (sig === 0x04034b50) view.setUint32(i + 22, 0xfffffff0, true);
        if (sig === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true);
      }
      return zip;
    })();
    const cases: [Uint8Array, string, string | null][] = [
      [enc('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><REQ-IF>&x;</REQ-IF>'), 'xxe.reqif', 'doctype'],
      [enc(`<?xml version="1.0"?><!DOCTYPE r [${laughs}]><REQ-IF>&l9;</REQ-IF>`), 'laughs.reqif', 'doctype'],
      [enc('<REQ-IF><SPEC-OBJECTS></REQ-IF>'), 'broken.reqif', 'malformed'],
      [zipBomb, 'bomb.reqifz', 'zipTooLarge'],
      [new Uint8Array(11 * 1024 * 1024), 'huge.reqif', null],
    ];
    for (const [bytes, name, refusal] of cases) {
      const refused = await upload(project.key, bytes, name);
      expect(refused.status, name).toBe(400);
      if (refusal) expect(refused.body.refusal, name).toBe(refusal);
      expect(refused.body.message, name).toBeTruthy();
    }
    expect(await snapshotTables()).toEqual(before);
  });

  test('re-import of a newer export: same requirements, a new version for what changed, suspect links below, history kept', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    await importFile(project.key, fixtureBytes('rmf_ifr_TC1100_system_attributes_hierarchy.reqif'), 'tc1100.reqif');
    const first = await requirementsOf(project.id);
    const target = first.find((r) => r.title === 'Obj1.1')!;
    const spec = await createSpecificationRow(project);
    await createLink(project, { id: target.id, version: target.version }, spec);

    const { preview, result } = await importFile(project.key, newerExport(), 'tc1100-v2.reqif');
    expect(preview.counts).toEqual({ new: 0, changed: 1, unchanged: 4, conflict: 0 });
    expect(preview.samples.changed[0]).toMatchObject({ title: 'Obj1.1 révisé', ref: `EXF-${target.number}`, changedFields: ['title'] });
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 4 });

    const second = await requirementsOf(project.id);
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
    const updated = second.find((r) => r.id === target.id)!;
    expect(updated).toMatchObject({ title: 'Obj1.1 révisé', version: 2 });
    expect((await listVersions(getDb(), 'requirement', target.id)).map((v) => [v.version, (v.snapshot as { title: string }).title])).toEqual([
      [2, 'Obj1.1 révisé'],
      [1, 'Obj1.1'],
    ]);
    const [state] = await queryRows<{ suspect: boolean }>(sql`select suspect from trace_link_states where upstream_id = ${target.id}`);
    expect(state!.suspect).toBe(true);

    // Importing the same file again changes nothing.
    const again = await importFile(project.key, newerExport(), 'tc1100-v2.reqif');
    expect(again.preview.counts).toEqual({ new: 0, changed: 0, unchanged: 5, conflict: 0 });
    expect((await requirementsOf(project.id)).map((r) => r.version)).toEqual(second.map((r) => r.version));
  });

  test('a requirement edited here since the import is a conflict: skip, update as a new version, or create new', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    await importFile(project.key, fixtureBytes('rmf_ifr_TC1100_system_attributes_hierarchy.reqif'), 'tc1100.reqif');
    const target = (await requirementsOf(project.id)).find((r) => r.title === 'Obj1.1')!;
    const edited = await updateRequirement({ projectKey: project.key, id: target.id, revision: 1, title: 'Obj1.1 modifié ici', priority: 'must', parentId: target.parent_id ?? '' });
    expect(edited).toMatchObject({ ok: true });

    for (const [choice, expectTitle, expectCount] of [
      ['skip', 'Obj1.1 modifié ici', 5],
      ['createNew', 'Obj1.1 modifié ici', 6],
      ['update', 'Obj1.1 révisé', 6],
    ] as const) {
      const uploaded = await upload(project.key, newerExport(), 'v2.reqif');
      expect(uploaded.body.preview.counts.conflict).toBe(1);
      const identifier = uploaded.body.preview.conflicts[0]!.identifier;
      const result = await importReqif({ projectKey: project.key, uploadId: uploaded.body.uploadId, decisions: [{ identifier, choice }] });
      expect(result, choice).toMatchObject({ ok: true });
      const rows = await requirementsOf(project.id);
      expect(rows, choice).toHaveLength(expectCount);
      expect(rows.find((r) => r.id === target.id)!.title, choice).toBe(expectTitle);
    }
    const versions = await listVersions(getDb(), 'requirement', target.id);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const copies = (await requirementsOf(project.id)).filter((r) => r.title === 'Obj1.1 révisé');
    expect(copies.map((c) => c.identifier === null).sort()).toEqual([false, true]);
  });

  test('atomic: a failure half-way leaves the project as it was', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const uploaded = await upload(project.key, fixtureBytes('rmf_ifr_TC1300_specrelation_relationgroup.reqif'), 'tc1300.reqif');
    const db = getDb();
    // The relations are written after the requirements: make that last statement fail.
    await db.execute(sql`create or replace function reqif_test_fail() returns trigger language plpgsql as $$ begin raise exception 'boom'; end $$`);
    await db.execute(sql`create trigger reqif_test_fail before insert on requirement_relations for each row execute function reqif_test_fail()`);
    try {
      const before = await snapshotTables(['requirements', 'requirement_versions', 'requirement_reqif_sources', 'ref_counters', 'audit_events', 'reqif_uploads']);
      const result = await importReqif({ projectKey: project.key, uploadId: uploaded.body.uploadId, decisions: [] });
      expect(result).toMatchObject({ ok: false, code: 'server_error' });
      expect(await snapshotTables(['requirements', 'requirement_versions', 'requirement_reqif_sources', 'ref_counters', 'audit_events', 'reqif_uploads'])).toEqual(before);
    } finally {
      await db.execute(sql`drop trigger reqif_test_fail on requirement_relations`);
      await db.execute(sql`drop function reqif_test_fail()`);
    }
    expect(await importReqif({ projectKey: project.key, uploadId: uploaded.body.uploadId, decisions: [] })).toMatchObject({ ok: true, data: { created: 2, relations: 1 } });
  });

  test('roles: an AMOE, a viewer or MOA cannot upload or import (requirements.write); a non-member gets not found', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const uploaded = await upload(project.key, fixtureBytes('polarion_test_export.reqif'), 'p.reqif');
    for (const role of ['amoe', 'viewer', 'moa'] as const) {
      await actAs(members[role]);
      expect((await upload(project.key, fixtureBytes('polarion_test_export.reqif'), 'p.reqif')).status).toBe(403);
      expect(await importReqif({ projectKey: project.key, uploadId: uploaded.body.uploadId, decisions: [] })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const other = await createProjectWithMembers();
    await actAs(other.members.owner);
    expect((await upload(project.key, fixtureBytes('polarion_test_export.reqif'), 'p.reqif')).status).toBe(404);
    // An upload of another project is not found from this one.
    expect(await importReqif({ projectKey: other.project.key, uploadId: uploaded.body.uploadId, decisions: [] })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('ReqIF export', () => {
  test('validates against the schema and re-imports into the same content (round trip)', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    await importFile(project.key, fixtureBytes('reqif_studio_anonymized_137_objects_14_relations.reqif'), 'studio.reqif');
    const spec = await createSpecificationRow(project, { title: 'Interface', body: '## API\n\n- REST\n- JSON' });
    const linked = (await requirementsOf(project.id))[3]!;
    await createLink(project, { id: linked.id, version: linked.version }, spec);

    await actAs(members.viewer);
    const response = await exportRoute(new Request(`http://localhost/api/projects/${project.key}/reqif/export`), { params: Promise.resolve({ projectKey: project.key }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.reqif"/);
    const xml = await response.text();
    const validation = await validateReqif(xml);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);

    const copy = await createProjectWithMembers();
    await actAs(copy.members.owner);
    const { preview, result } = await importFile(copy.project.key, new TextEncoder().encode(xml), 'export.reqif');
    expect(preview.warnings).toEqual([]);
    expect(result).toMatchObject({ created: 138, relations: 15 });
    const original = await requirementsOf(project.id);
    const reimported = (await requirementsOf(copy.project.id)).filter((r) => r.title !== 'Interface');
    const shape = (rows: typeof original) => {
      const byId = new Map(rows.map((r) => [r.id, r]));
      return rows.map((r) => ({
        identifier: r.identifier,
        title: r.title,
        statement: r.statement,
        parent: r.parent_id ? byId.get(r.parent_id)!.identifier : null,
        fields: Object.fromEntries(Object.entries(r.fields ?? {}).filter(([k]) => k !== 'ReqIF.ForeignID')),
      }));
    };
    expect(shape(reimported)).toEqual(shape(original));
  }, 60_000);

  test('round trip into the same project: requirements written here and imported ones are updated by their exported identifier, never duplicated', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    await importFile(project.key, fixtureBytes('rmf_ifr_TC1100_system_attributes_hierarchy.reqif'), 'tc1100.reqif');
    const chapter = await createRequirementRow(project, { title: 'Paie', statement: 'Le calcul de la paie.' });
    const net = await createRequirementRow(project, { title: 'Calcul du net', statement: 'Le net est le brut moins les cotisations.', parentId: chapter.id });
    const spec = await createSpecificationRow(project, { title: 'Moteur de calcul', body: 'Calcul **mensuel**.' });
    await createLink(project, { id: net.id, version: net.version }, spec);
    const before = await requirementsOf(project.id);
    expect(before).toHaveLength(7);

    const exported = async () => {
      const response = await exportRoute(new Request(`http://localhost/api/projects/${project.key}/reqif/export`), { params: Promise.resolve({ projectKey: project.key }) });
      expect(response.status).toBe(200);
      return response.text();
    };
    const xml = await exported();
    expect(xml).toContain(`IDENTIFIER="_${net.id}"`);
    // Edited elsewhere: the one written here and one imported from the RMF file.
    const edited = xml.replace('THE-VALUE="Calcul du net"', 'THE-VALUE="Calcul du net (revu)"').replace('THE-VALUE="Obj1.1"', 'THE-VALUE="Obj1.1 revu"');
    expect(edited.match(/revu/g)).toHaveLength(2);
    const { preview, result } = await importFile(project.key, new TextEncoder().encode(edited), 'retour.reqif');
    expect(preview.counts).toEqual({ new: 0, changed: 2, unchanged: 5, conflict: 0 });
    // The specification exported beside them is this project's own: left out, and said so.
    expect(preview.warnings).toEqual([{ code: 'ownSpecification', count: 1, examples: [{ identifier: `_${spec.id}`, detail: 'Moteur de calcul' }] }]);
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 5 });

    const after = await requirementsOf(project.id);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    const netAfter = after.find((r) => r.id === net.id)!;
    expect(netAfter).toMatchObject({ title: 'Calcul du net (revu)', statement: 'Le net est le brut moins les cotisations.', parent_id: chapter.id, version: 2, identifier: `_${net.id}`, fields: {} });
    expect(after.find((r) => r.id === chapter.id)).toMatchObject({ version: 1, identifier: null });
    expect(after.find((r) => r.title === 'Obj1.1 revu')).toMatchObject({ version: 2 });
    expect((await listVersions(getDb(), 'requirement', net.id)).map((v) => (v.snapshot as { title: string }).title)).toEqual(['Calcul du net (revu)', 'Calcul du net']);
    const [state] = await queryRows<{ suspect: boolean }>(sql`select suspect from trace_link_states where upstream_id = ${net.id}`);
    expect(state!.suspect).toBe(true);
    expect(await queryRows(sql`select id from specifications where project_id = ${project.id}`)).toHaveLength(1);

    // Exported again and brought back as is: nothing to do, the identifiers hold.
    const again = await importFile(project.key, new TextEncoder().encode(await exported()), 'retour-2.reqif');
    expect(again.preview.counts).toEqual({ new: 0, changed: 0, unchanged: 7, conflict: 0 });
    expect((await requirementsOf(project.id)).map((r) => [r.id, r.version])).toEqual(after.map((r) => [r.id, r.version]));
  }, 60_000);

  test('a non-member gets not found', async () => {
    const { project } = await createProjectWithMembers();
    const other = await createProjectWithMembers();
    await actAs(other.members.owner);
    const response = await exportRoute(new Request(`http://localhost/api/projects/${project.key}/reqif/export`), { params: Promise.resolve({ projectKey: project.key }) });
    expect(response.status).toBe(404);
  });
});
