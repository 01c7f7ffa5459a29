import { eq, sql } from 'drizzle-orm';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import * as importActions from '@/app/(app)/projects/import/actions';
import { getDb } from '@/db/client';
import { archiveCatalog, NOT_ARCHIVED } from '@/db/queries/project-archive/catalog';
import { findGoNoGoRecord, recordContent } from '@/db/queries/readiness';
import { DEMO_ACCOUNTS, DEMO_PROJECT } from '@/db/seed/demo-accounts';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import { projectImports, projects, users } from '@/db/schema';
import { contentHash } from '@/lib/signoff/canonical';
import { actAs, createUser, uniqueProjectKey } from '../setup/actors';
import { queryRows, snapshotTables } from '../setup/db-state';
import { loadRouteModule, type RouteHandler } from '../setup/routes';
import { loose } from '../setup/server-actions';

const importProject = loose(importActions.importProject);
type Result = { ok: boolean; code?: string; message?: string; details?: unknown; data?: { key: string; rows: number; attachments: number; membersAdded: number; unmatchedPeople: string[] } };

let exportRoute: RouteHandler;
let owner: { id: string };

async function exportArchive(key: string): Promise<Uint8Array> {
  const response = await exportRoute(new Request(`http://localhost/api/projects/${key}/archive`), { params: Promise.resolve({ projectKey: key }) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  return new Uint8Array(await response.arrayBuffer());
}

function form(key: string, bytes: Uint8Array, name = 'Copie importée') {
  const data = new FormData();
  data.set('key', key);
  data.set('name', name);
  data.set('archive', new File([bytes as BlobPart], 'projet.zip', { type: 'application/zip' }));
  return data;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * An archive's content with ids, keys and what an import adds (its own journal rows, the import marks) set aside:
 * two exports of "the same project" give the same value.
 */
function content(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']!)) as { tables: { name: string; file: string }[]; people: { email: string; role: string | null }[] };
  const tables: Record<string, string[]> = {};
  for (const t of manifest.tables) {
    const text = new TextDecoder().decode(files[t.file]!);
    let rows = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    if (t.name === 'audit_events') rows = rows.filter((r) => r.import_id !== null || !rows.some((o) => o.import_id !== null));
    tables[t.name] = rows
      .map((r) => {
        const { import_id: _i, id: _id, ...rest } = r;
        if (t.name === 'audit_events') return JSON.stringify(rest).replace(UUID, '<id>');
        return JSON.stringify({ ...rest, ...(typeof r.id === 'string' ? {} : { id: r.id }) }).replace(UUID, '<id>');
      })
      .sort();
  }
  const people = manifest.people.map((p) => `${p.email}:${p.role}`).sort();
  const attachments = Object.keys(files).filter((f) => f.startsWith('attachments/')).map((f) => contentHash(Array.from(files[f]!))).sort();
  return { tables, people, attachments };
}

beforeAll(async () => {
  exportRoute = (await loadRouteModule('app/api/projects/[projectKey]/archive/route.ts')).GET!;
  await seedDemoIfEmpty(getDb());
  const [claire] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS[0]!.email));
  owner = claire!;
});
// The request state (the session's cookie) is reset after every test.
beforeEach(() => actAs(owner).then(() => undefined));

test('every table of a project is archived, or left out on purpose', async () => {
  const archived = new Set(archiveCatalog().map((t) => t.name));
  const withProject = await queryRows<{ name: string }>(
    sql`select c.table_name as name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
        where c.table_schema = 'public' and c.column_name = 'project_id' and t.table_type = 'BASE TABLE'`,
  );
  expect(withProject.length).toBeGreaterThan(10);
  for (const { name } of withProject) expect(archived.has(name) || (NOT_ARCHIVED as readonly string[]).includes(name), name).toBe(true);
  for (const name of NOT_ARCHIVED) expect(archived.has(name)).toBe(false);
});

describe('round trip of the demo project', () => {
  let first: Uint8Array;
  let key: string;
  let result: Result;
  beforeAll(async () => {
    await actAs(owner);
    first = await exportArchive(DEMO_PROJECT.key);
    key = uniqueProjectKey('R');
    result = (await importProject(form(key, first))) as Result;
  });

  test('the import creates a new project owned by the importer, members mapped by e-mail', async () => {
    expect(result.ok, `${result.message} ${JSON.stringify(result.details)}`).toBe(true);
    expect(result.data!.key).toBe(key);
    expect(result.data!.rows).toBeGreaterThan(100);
    expect(result.data!.membersAdded).toBe(DEMO_ACCOUNTS.length - 1);
    expect(result.data!.unmatchedPeople).toEqual([]);
  });

  test('exported again, it is the same project modulo ids and keys', async () => {
    const second = await exportArchive(key);
    const a = content(first);
    const b = content(second);
    for (const table of Object.keys(a.tables)) expect({ table, rows: b.tables[table] }).toEqual({ table, rows: a.tables[table] });
    expect(b.people).toEqual(a.people);
    expect(b.attachments).toEqual(a.attachments);
    expect(a.tables.signatures!.length).toBeGreaterThan(0);
    expect(a.tables.attachments!.length).toBeGreaterThan(0);
  });

  test('links, tree and refs join the same items; signatures and go / no-go records are imported records whose hashes verify', async () => {
    const db = getDb();
    const links = (projectKey: string) =>
      db.execute(sql`select s.kind::text, u.ref as up, d.ref as down, s.suspect from trace_link_states s
        join projects p on p.id = s.project_id
        join trace_items u on u.id = s.upstream_id join trace_items d on d.id = s.downstream_id
        where p.key = ${projectKey} order by 1, 2, 3`);
    const tree = (projectKey: string) =>
      db.execute(sql`select r.number, p2.number as parent from requirements r join projects p on p.id = r.project_id
        left join requirements p2 on p2.id = r.parent_id where p.key = ${projectKey} order by 1`);
    const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
    expect(rowsOf(await links(key))).toEqual(rowsOf(await links(DEMO_PROJECT.key)));
    expect(rowsOf(await tree(key))).toEqual(rowsOf(await tree(DEMO_PROJECT.key)));

    const [imported] = await db.select({ id: projects.id }).from(projects).where(eq(projects.key, key));
    const signatures = rowsOf(await db.execute(sql`select content, content_hash, import_id, signer_id from signatures where project_id = ${imported!.id}`)) as {
      content: unknown;
      content_hash: string;
      import_id: string | null;
      signer_id: string | null;
    }[];
    expect(signatures.length).toBeGreaterThan(0);
    // The same people signed: the demo's accounts, found by e-mail, never the importer in their stead.
    const signers = async (projectKey: string) =>
      rowsOf(await db.execute(sql`select s.signer_id, count(*)::int as n from signatures s join projects p on p.id = s.project_id where p.key = ${projectKey} group by 1 order by 1`));
    expect(await signers(key)).toEqual(await signers(DEMO_PROJECT.key));
    for (const s of signatures) {
      expect(s.import_id).not.toBeNull();
      expect(contentHash(s.content)).toBe(s.content_hash);
    }
    // A go / no-go record is checked as its page checks it: its content rebuilt from what is stored, with the
    // recorder's id of the source instance, against the hash it was recorded with.
    const records = rowsOf(await db.execute(sql`select id, import_id from go_no_go_records where project_id = ${imported!.id}`)) as { id: string; import_id: string | null }[];
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.import_id).not.toBeNull();
      const stored = (await findGoNoGoRecord(db, imported!.id, r.id))!;
      expect(contentHash(recordContent(stored))).toBe(stored.snapshotHash);
    }
    const [record] = await db.select().from(projectImports).where(eq(projectImports.projectId, imported!.id));
    expect(record!.sourceProjectKey).toBe(DEMO_PROJECT.key);
    const journal = rowsOf(await db.execute(sql`select count(*)::int as n from audit_events where project_id = ${imported!.id} and import_id is not null`)) as { n: number }[];
    expect(journal[0]!.n).toBeGreaterThan(0);
  });

  test('people without an account here are kept by name, and their signatures stay theirs, not the importer’s', async () => {
    // Import as someone of another "instance": rename the demo e-mails in the manifest so none matches.
    const files = unzipSync(first);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']!)) as { people: { email: string }[] };
    for (const p of manifest.people) p.email = `ailleurs+${p.email}`;
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const other = uniqueProjectKey('E');
    const done = (await importProject(form(other, zipSync(files)))) as Result;
    expect(done.ok, done.message).toBe(true);
    expect(done.data!.membersAdded).toBe(0);
    expect(done.data!.unmatchedPeople.length).toBeGreaterThan(0);
    const [p] = await getDb().select({ id: projects.id }).from(projects).where(eq(projects.key, other));
    const rows = (await getDb().execute(sql`select count(*)::int as n from signatures where project_id = ${p!.id} and signer_id is not null`)) as unknown;
    const n = (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows)[0] as { n: number };
    expect(n.n).toBe(0);
  });
});

describe('refused archives write nothing and say why', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    await actAs(owner);
    good = await exportArchive(DEMO_PROJECT.key);
  });

  async function refused(bytes: Uint8Array, messagePart: RegExp) {
    const before = await snapshotTables();
    const result = (await importProject(form(uniqueProjectKey('X'), bytes))) as Result;
    expect(result.ok).toBe(false);
    expect(result.code).toBe('invalid');
    expect(result.message).toMatch(messagePart);
    expect(await snapshotTables()).toEqual(before);
  }

  const edited = (edit: (files: Record<string, Uint8Array>) => void) => {
    const files = unzipSync(good);
    edit(files);
    return zipSync(files);
  };
  const manifestEdit = (edit: (m: Record<string, unknown>) => void) =>
    edited((files) => {
      const m = JSON.parse(new TextDecoder().decode(files['manifest.json']!)) as Record<string, unknown>;
      edit(m);
      files['manifest.json'] = strToU8(JSON.stringify(m));
    });

  test('a truncated zip', () => refused(good.subarray(0, Math.floor(good.length / 2)), /lisible/));
  test('not a zip at all', () => refused(strToU8('bonjour'), /lisible/));
  test('another format version', () => refused(manifestEdit((m) => (m.formatVersion = 2)), /autre version/));
  test('another format', () => refused(manifestEdit((m) => (m.format = 'autre')), /pas un export/));
  test('no manifest', () => refused(edited((f) => delete f['manifest.json']), /manifest/));
  test('a path traversal name', () => refused(edited((f) => (f['../../etc/passwd'] = strToU8('x'))), /dangereux/));
  test('an absolute name', () => refused(edited((f) => (f['/tmp/x'] = strToU8('x'))), /dangereux/));
  test('an unexpected file', () => refused(edited((f) => (f['notes.txt'] = strToU8('x'))), /ne contient pas/));
  test('a row of the wrong type', () =>
    refused(
      edited((f) => {
        const lines = new TextDecoder().decode(f['data/requirements.ndjson']!).split('\n');
        const row = JSON.parse(lines[0]!) as Record<string, unknown>;
        row.number = 'un';
        lines[0] = JSON.stringify(row);
        f['data/requirements.ndjson'] = strToU8(lines.join('\n'));
      }),
      /ligne de données/,
    ));
  test('a link to an item the archive does not hold', () =>
    refused(
      edited((f) => {
        const lines = new TextDecoder().decode(f['data/trace_links.ndjson']!).split('\n');
        const row = JSON.parse(lines[0]!) as Record<string, unknown>;
        row.upstream_id = '00000000-0000-4000-8000-000000000000';
        lines[0] = JSON.stringify(row);
        f['data/trace_links.ndjson'] = strToU8(lines.join('\n'));
      }),
      /fait référence/,
    ));
  test('a changed attachment', () =>
    refused(
      edited((f) => {
        const name = Object.keys(f).find((n) => n.startsWith('attachments/'))!;
        f[name] = strToU8('altered');
      }),
      /empreinte/,
    ));
  test('a project key already taken', async () => {
    const result = (await importProject(form(DEMO_PROJECT.key, good))) as Result;
    expect(result.ok).toBe(false);
    expect(result.code).toBe('conflict');
  });
  test('someone the instance policy does not let create projects', async () => {
    const nobody = await createUser();
    await actAs(nobody);
    try {
      const result = (await importProject(form(uniqueProjectKey('N'), good))) as Result;
      expect(result.code).toBe('forbidden');
    } finally {
      await actAs(owner);
    }
  });
});
