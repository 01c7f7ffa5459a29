import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPglite, openPglite } from '@/db/client';
import { EmbeddedDatabaseLockedError } from '@/db/embedded-lock';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import {
  backupEmbedded,
  manifestPath,
  pgliteDir,
  restoreEmbedded,
  tableChecksums,
  type TableChecksum,
} from '../../scripts/db-backup-lib';
import { report } from '../setup/generated-calls';

/**
 * Backups of the embedded database: `npm run db:backup` / `db:restore` bring every row of every table back (row
 * counts and checksums against the manifest written at backup time), refuse a data folder a live server holds, and
 * never overwrite a database silently.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-backup-'));
const source = path.join(root, 'source');
const backupFile = path.join(root, 'backups', 'demo.tar.gz');
let original: Record<string, TableChecksum>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  fs.mkdirSync(source, { recursive: true });
  const handle = openPglite(await createPglite({ dataDir: pgliteDir(source) }));
  await migrateDatabase(handle);
  await seedDemoIfEmpty(handle.db);
  original = await tableChecksums(handle);
  await handle.close();
});

afterAll(() => {
  for (const child of children) child.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A live process other than this one, holding the folder's lock as a running server would. */
function holdLock(dataDir: string): ChildProcess {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'LOCK.pid'), String(child.pid));
  return child;
}

describe('embedded database backup and restore', () => {
  test('the backup records every table and the restore brings every row back', async () => {
    const manifest = await backupEmbedded(source, backupFile);
    expect(manifest.tables).toEqual(original);
    for (const table of ['users', 'projects', 'project_members', 'requirements', 'specifications', 'trace_links', 'audit_events']) {
      expect(original[table]!.rows, table).toBeGreaterThan(0);
    }

    const restored = await restoreEmbedded(backupFile, path.join(root, 'restored'));
    expect(restored.mismatches).toEqual([]);
    expect(restored.tables).toEqual(original);
    report({ backupTables: Object.keys(original).length, backupRows: Object.values(original).reduce((n, t) => n + t.rows, 0) });
  });

  test('a restore that differs from the manifest is reported table by table', async () => {
    const tampered = path.join(root, 'backups', 'tampered.tar.gz');
    fs.copyFileSync(backupFile, tampered);
    const manifest = JSON.parse(fs.readFileSync(manifestPath(backupFile), 'utf8')) as { tables: Record<string, TableChecksum> };
    manifest.tables.requirements!.rows += 1;
    fs.writeFileSync(manifestPath(tampered), JSON.stringify(manifest));
    expect((await restoreEmbedded(tampered, path.join(root, 'tampered'))).mismatches).toEqual(['requirements']);
  });

  test('a folder that holds a database is kept unless --replace, and then moved aside, never deleted', async () => {
    const target = path.join(root, 'occupied');
    await restoreEmbedded(backupFile, target);
    await expect(restoreEmbedded(backupFile, target)).rejects.toThrow(/--replace/);
    const second = await restoreEmbedded(backupFile, target, { replace: true });
    expect(second.previous).not.toBeNull();
    expect(fs.readdirSync(second.previous!).length).toBeGreaterThan(0);
    expect(second.mismatches).toEqual([]);
  });

  test('both refuse a data folder a live server holds', async () => {
    holdLock(source);
    await expect(backupEmbedded(source, path.join(root, 'backups', 'locked.tar.gz'))).rejects.toBeInstanceOf(EmbeddedDatabaseLockedError);
    expect(fs.existsSync(path.join(root, 'backups', 'locked.tar.gz'))).toBe(false);
    const busy = path.join(root, 'busy');
    holdLock(busy);
    await expect(restoreEmbedded(backupFile, busy)).rejects.toBeInstanceOf(EmbeddedDatabaseLockedError);
    expect(fs.existsSync(pgliteDir(busy))).toBe(false);
  });

  test('npm run db:backup / db:restore round-trip, and say no on a held folder', () => {
    const run = (script: string, dataDir: string, args: string[]) =>
      spawnSync('npm', ['run', '--silent', script, '--', ...args], {
        encoding: 'utf8',
        env: { ...process.env, PASSERELLE_DATA_DIR: dataDir, DATABASE_URL: '' },
        timeout: 120_000,
      });
    const cliSource = path.join(root, 'cli-source');
    fs.cpSync(source, cliSource, { recursive: true });
    fs.rmSync(path.join(cliSource, 'LOCK.pid'), { force: true });
    const file = path.join(root, 'backups', 'cli.tar.gz');
    const backup = run('db:backup', cliSource, ['--out', file]);
    expect(backup.status, backup.stderr).toBe(0);
    const restore = run('db:restore', path.join(root, 'cli-restored'), ['--from', file]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/checksums match/);

    holdLock(cliSource);
    const refused = run('db:backup', cliSource, ['--out', path.join(root, 'backups', 'cli-locked.tar.gz')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/held by process/);
  }, 240_000);
});
