import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localStorage } from './local-storage';
import { s3Storage } from './s3-storage';
import { selectStorage } from './select-storage';
import { attachmentKey, isSafeKey, readAll, type ObjectStorage } from './storage';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-storage-'));
const BUCKET = 'preuves';

/** A real S3 server (s3rver, in this process, on a free port) with one bucket: the S3 driver talks HTTP to it. */
let s3rver: S3rver;
let s3: ObjectStorage;
let s3Endpoint: string;

beforeAll(async () => {
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(tmp, 's3'), configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await s3rver.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
  s3 = s3Storage({
    bucket: BUCKET,
    prefix: 'instance-a/',
    client: { endpoint: s3Endpoint, region: 'eu-west-3', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
  });
});

afterAll(async () => {
  await s3rver?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('keys', () => {
  test.each(['a', 'p1/0f8c', 'projet/2b1e.png', 'A_b-c.d/e'])('%s is safe', (key) => expect(isSafeKey(key)).toBe(true));
  test.each([
    '',
    '..',
    '../x',
    'a/../../etc/passwd',
    '/etc/passwd',
    'a//b',
    'a/',
    '.hidden',
    'a/.git',
    'a\\..\\b',
    'C:\\x',
    'a b',
    'a\u0000b',
    'é',
    'x'.repeat(513),
  ])('%j is refused', (key) => expect(isSafeKey(key)).toBe(false));

  test('attachment keys are project then id, and refuse anything else', () => {
    expect(attachmentKey('0f8c0000-0000-4000-8000-000000000000', 'abc')).toBe('0f8c0000-0000-4000-8000-000000000000/abc');
    expect(() => attachmentKey('..', 'x')).toThrow(/unsafe/);
  });
});

describe('selectStorage', () => {
  test('a directory under the data folder by default, or the one named', () => {
    expect(selectStorage({}).kind).toBe('local');
    expect(selectStorage({ PASSERELLE_ATTACHMENTS_DIR: tmp }).kind).toBe('local');
  });

  test('S3 when a bucket is named, honouring the endpoint and path style', async () => {
    const storage = selectStorage({
      PASSERELLE_S3_BUCKET: BUCKET,
      PASSERELLE_S3_ENDPOINT: s3Endpoint,
      PASSERELLE_S3_REGION: 'eu-west-3',
      PASSERELLE_S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    });
    expect(storage.kind).toBe('s3');
    // The SDK reads credentials from the process environment: the ones s3rver accepts are set for this call.
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    try {
      await storage.put('choisi/par-env', PNG, 'image/png');
      expect(await readAll((await storage.get('choisi/par-env'))!)).toEqual(PNG);
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
      if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
      if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });
});

/** The one contract both drivers keep: the route handlers rely on nothing else. */
describe.each([
  ['local', () => localStorage(path.join(tmp, 'local'))],
  ['s3', () => s3],
])('the %s driver', (_kind, storage) => {
  test('put then get gives the same bytes back; put again replaces', async () => {
    await storage().put('p/one', PNG, 'image/png');
    expect(await readAll((await storage().get('p/one'))!)).toEqual(PNG);
    const text = new TextEncoder().encode('remplacé');
    await storage().put('p/one', text, 'text/plain');
    expect(await readAll((await storage().get('p/one'))!)).toEqual(text);
  });

  test('a missing object is null, and delete is idempotent', async () => {
    expect(await storage().get('p/missing')).toBeNull();
    await storage().put('p/two', PNG, 'image/png');
    await storage().delete('p/two');
    expect(await storage().get('p/two')).toBeNull();
    await expect(storage().delete('p/two')).resolves.toBeUndefined();
  });

  test('large objects round-trip (10 MiB)', async () => {
    const big = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 1) big[i] = i % 251;
    await storage().put('p/big', big, 'application/zip');
    const back = await readAll((await storage().get('p/big'))!);
    // Compared as buffers: a deep equality over ten million elements takes minutes.
    expect(back.length).toBe(big.length);
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
    await storage().delete('p/big');
  }, 30_000);

  test.each(['../escape', 'p/../../escape', '/etc/passwd', 'p/.hidden'])('refuses the key %j before touching anything', async (key) => {
    await expect(storage().put(key, PNG, 'image/png')).rejects.toThrow(/unsafe storage key/);
    await expect(storage().get(key)).rejects.toThrow(/unsafe storage key/);
    await expect(storage().delete(key)).rejects.toThrow(/unsafe storage key/);
  });
});

describe('the local driver', () => {
  test('writes only inside its directory, and leaves no partial file', async () => {
    const root = path.join(tmp, 'confined');
    const storage = localStorage(root);
    await expect(storage.put('../outside', PNG, 'image/png')).rejects.toThrow();
    expect(fs.existsSync(path.join(tmp, 'outside'))).toBe(false);
    await storage.put('p/ok', PNG, 'image/png');
    expect(fs.readdirSync(path.join(root, 'p'))).toEqual(['ok']);
  });

  test('a symlinked sibling directory with the same prefix is not inside', async () => {
    // `/tmp/x/root` must not accept `/tmp/x/root-evil/...`: the check is on a path separator, not a string prefix.
    const storage = localStorage(path.join(tmp, 'root'));
    await expect(storage.put('..', PNG, 'image/png')).rejects.toThrow();
    await storage.put('root-like/ok', PNG, 'image/png');
    expect(fs.existsSync(path.join(tmp, 'root', 'root-like', 'ok'))).toBe(true);
  });
});
