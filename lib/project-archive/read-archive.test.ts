import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, rowSchema, type TableDescriptor } from './format';
import { isUnsafeEntryName, readArchive } from './read-archive';
import { ArchiveRefusal } from './refusal';
import { remapRows, type RemapTable } from './remap';

const TABLE: TableDescriptor = {
  name: 'items',
  columns: [
    { name: 'id', kind: 'uuid', nullable: false },
    { name: 'project_id', kind: 'uuid', nullable: false },
    { name: 'parent_id', kind: 'uuid', nullable: true },
    { name: 'created_by', kind: 'uuid', nullable: true },
    { name: 'title', kind: 'text', nullable: false },
  ],
};
const P = '11111111-1111-4111-8111-111111111111';
const A = '22222222-2222-4222-8222-222222222222';
const B = '33333333-3333-4333-8333-333333333333';
const U = '44444444-4444-4444-8444-444444444444';

function archive(rows: object[], edit: (files: Record<string, Uint8Array>) => void = () => {}) {
  const files: Record<string, Uint8Array> = {
    'manifest.json': strToU8(
      JSON.stringify({
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        exportedAt: '2026-12-01T10:00:00.000Z',
        project: { id: P, key: 'PAIE', name: 'Paie', client: 'Groupe', description: '' },
        people: [{ id: U, name: 'Claire', email: 'claire@x.fr', role: 'owner' }],
        tables: [{ name: 'items', file: 'data/items.ndjson', rows: rows.length, columns: TABLE.columns }],
        attachments: [],
      }),
    ),
    'data/items.ndjson': strToU8(rows.map((r) => JSON.stringify(r)).join('\n') + '\n'),
  };
  edit(files);
  return zipSync(files);
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ArchiveRefusal) return error.reason;
    throw error;
  }
  return null;
};

describe('readArchive', () => {
  const rows = [
    { id: B, project_id: P, parent_id: A, created_by: U, title: 'Enfant' },
    { id: A, project_id: P, parent_id: null, created_by: null, title: 'Parent' },
  ];
  test('reads a well-formed archive', () => {
    const read = readArchive(archive(rows), [TABLE]);
    expect(read.rows.get('items')).toHaveLength(2);
    expect(read.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  test('refuses names that leave the folder, before inflating them', () => {
    for (const name of ['../x', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', './m']) expect(isUnsafeEntryName(name), name).toBe(true);
    expect(isUnsafeEntryName('data/items.ndjson')).toBe(false);
    expect(refusal(() => readArchive(archive(rows, (f) => (f['../../evil'] = strToU8('x'))), [TABLE]))).toBe('unsafeName');
  });
  test('a zip bomb stops at the inflation limit, a crowd of entries at the entry limit, a big upload at once', () => {
    const bomb = zipSync({ 'manifest.json': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(refusal(() => readArchive(bomb, [TABLE], { maxUploadBytes: 1e6, maxUnzippedBytes: 1024 * 1024, maxZipEntries: 10 }))).toBe('zipTooBig');
    const crowd = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, strToU8('x')])));
    expect(refusal(() => readArchive(crowd, [TABLE], { maxUploadBytes: 1e6, maxUnzippedBytes: 1e6, maxZipEntries: 10 }))).toBe('zipTooManyEntries');
    expect(refusal(() => readArchive(new Uint8Array(2000), [TABLE], { maxUploadBytes: 1000, maxUnzippedBytes: 1e6, maxZipEntries: 10 }))).toBe('tooBig');
  });
  test('refuses another version, other columns, a wrong count, a bad row', () => {
    const versioned = archive(rows, (f) => {
      const m = JSON.parse(new TextDecoder().decode(f['manifest.json']!));
      m.formatVersion = 99;
      f['manifest.json'] = strToU8(JSON.stringify(m));
    });
    expect(refusal(() => readArchive(versioned, [TABLE]))).toBe('wrongVersion');
    expect(refusal(() => readArchive(archive(rows), [{ ...TABLE, columns: TABLE.columns.slice(1) }]))).toBe('tableMismatch');
    expect(refusal(() => readArchive(archive(rows, (f) => (f['data/items.ndjson'] = strToU8(JSON.stringify(rows[0])))), [TABLE]))).toBe('rowCount');
    expect(refusal(() => readArchive(archive([{ ...rows[0], title: 3 }]), [TABLE]))).toBe('rowInvalid');
    expect(refusal(() => readArchive(archive([{ ...rows[0], extra: 1 }]), [TABLE]))).toBe('rowInvalid');
    expect(refusal(() => readArchive(archive(rows).subarray(0, 100), [TABLE]))).toBe('zipInvalid');
  });
  test('row schemas follow the column kinds', () => {
    const schema = rowSchema({ name: 't', columns: [{ name: 'at', kind: 'timestamp', nullable: false }, { name: 's', kind: 'enum', nullable: false, enumValues: ['a'] }] });
    expect(schema.safeParse({ at: '2026-12-01T19:34:40.123+00:00', s: 'a' }).success).toBe(true);
    expect(schema.safeParse({ at: 'hier', s: 'a' }).success).toBe(false);
    expect(schema.safeParse({ at: '2026-12-01T19:34:40+00:00', s: 'b' }).success).toBe(false);
  });
  test('tags are held to what the app writes (20 of 40 characters); other text arrays are not', () => {
    const schema = rowSchema({ name: 't', columns: [{ name: 'tags', kind: 'textArray', nullable: false }, { name: 'words', kind: 'textArray', nullable: false }] });
    const twenty = Array.from({ length: 20 }, (_, i) => `${'x'.repeat(38)}${String(i).padStart(2, '0')}`);
    expect(schema.safeParse({ tags: twenty, words: [...twenty, 'y'.repeat(500)] }).success).toBe(true);
    expect(schema.safeParse({ tags: [...twenty, 'de trop'], words: [] }).success).toBe(false);
    expect(schema.safeParse({ tags: ['x'.repeat(41)], words: [] }).success).toBe(false);
  });
});

describe('remapRows', () => {
  const table: RemapTable = {
    name: 'items',
    columns: TABLE.columns,
    roles: { id: 'id', project_id: 'project', parent_id: 'ref', created_by: 'user', title: 'plain' },
    selfRef: 'parent_id',
  };
  let n = 0;
  const ctx = { sourceProjectId: P, projectId: 'new-project', importId: 'imp', people: new Map([[U, 'here-user']]), newId: () => `new-${++n}` };
  test('new ids everywhere, parents first, people by their account here', () => {
    const rows = new Map([['items', [{ id: B, project_id: P, parent_id: A, created_by: U, title: 'Enfant' }, { id: A, project_id: P, parent_id: null, created_by: null, title: 'Parent' }]]]);
    const out = remapRows([table], rows, ctx).rows.get('items')!;
    expect(out.map((r) => r.title)).toEqual(['Parent', 'Enfant']);
    expect(out[1]!.parent_id).toBe(out[0]!.id);
    expect(out[1]!.created_by).toBe('here-user');
    expect(out.every((r) => r.project_id === 'new-project')).toBe(true);
  });
  test('a reference to a row the archive does not hold, or another project, refuses it', () => {
    expect(refusal(() => remapRows([table], new Map([['items', [{ id: A, project_id: P, parent_id: B, created_by: null, title: 'x' }]]]), ctx))).toBe('danglingReference');
    expect(refusal(() => remapRows([table], new Map([['items', [{ id: A, project_id: B, parent_id: null, created_by: null, title: 'x' }]]]), ctx))).toBe('danglingReference');
    expect(refusal(() => remapRows([table], new Map([['items', [{ id: A, project_id: P, parent_id: null, created_by: B, title: 'x' }]]]), ctx))).toBe('danglingReference');
    expect(refusal(() => remapRows([table], new Map([['items', [{ id: A, project_id: P, parent_id: null, created_by: null, title: 'x' }, { id: A, project_id: P, parent_id: null, created_by: null, title: 'y' }]]]), ctx))).toBe('duplicateId');
  });
});
