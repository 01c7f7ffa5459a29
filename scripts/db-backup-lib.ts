import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createPglite, openPglite, type DatabaseHandle } from '@/db/client';
import { acquireEmbeddedLock } from '@/db/embedded-lock';

/**
 * Backup and restore of the embedded database (PGlite): a copy of its data directory (`dumpDataDir`, gzipped tar)
 * with a manifest of every table's row count and checksum beside it, so a restore proves every row came back.
 * Both refuse a data folder that a live server holds (the pid lock of db/embedded-lock.ts): a copy taken under a
 * running writer would be torn, and a restore under it would be overwritten. PostgreSQL has its own tools
 * (`pg_dump -Fc` / `pg_restore`, see the README).
 */

export interface TableChecksum {
  rows: number;
  md5: string;
}

export interface BackupManifest {
  format: 'passerelle-pglite-datadir';
  createdAt: string;
  tables: Record<string, TableChecksum>;
}

/** The pglite folder inside a data folder (as db/client.ts opens it). */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

export function manifestPath(backupFile: string): string {
  return `${backupFile}.manifest.json`;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Row count and an order-independent checksum of every table of the application schema. */
export async function tableChecksums(handle: DatabaseHandle): Promise<Record<string, TableChecksum>> {
  const tables = rowsOf<{ table_name: string }>(
    await handle.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  ).map((r) => r.table_name);
  const out: Record<string, TableChecksum> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: number; digest: string }>(
      await handle.db.execute(
        sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(table)} t`,
      ),
    );
    out[table] = { rows: row!.n, md5: row!.digest };
  }
  return out;
}

function hasData(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

/** Copies the embedded database of `dataDir` to `backupFile` (and its manifest); returns the manifest. */
export async function backupEmbedded(dataDir: string, backupFile: string): Promise<BackupManifest> {
  acquireEmbeddedLock(dataDir);
  if (!hasData(pgliteDir(dataDir))) throw new Error(`Aucune base embarquée dans ${dataDir}. / No embedded database in ${dataDir}.`);
  const client = await createPglite({ dataDir: pgliteDir(dataDir) });
  const handle = openPglite(client);
  try {
    const tables = await tableChecksums(handle);
    const dump = await client.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(path.resolve(backupFile)), { recursive: true });
    fs.writeFileSync(backupFile, Buffer.from(await dump.arrayBuffer()));
    const manifest: BackupManifest = { format: 'passerelle-pglite-datadir', createdAt: new Date().toISOString(), tables };
    fs.writeFileSync(manifestPath(backupFile), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await handle.close();
  }
}

export interface RestoreReport {
  tables: Record<string, TableChecksum>;
  /** Tables whose rows differ from the manifest's (empty when every row came back). */
  mismatches: string[];
  /** Where the database that was there before went, if any. */
  previous: string | null;
}

/**
 * Loads `backupFile` into the embedded database of `dataDir`. A folder that already holds a database is refused
 * unless `replace` is set; even then the old database is moved aside, never deleted.
 */
export async function restoreEmbedded(backupFile: string, dataDir: string, options: { replace?: boolean } = {}): Promise<RestoreReport> {
  acquireEmbeddedLock(dataDir);
  if (!fs.existsSync(backupFile)) throw new Error(`Sauvegarde introuvable : ${backupFile}. / Backup not found.`);
  const target = pgliteDir(dataDir);
  let previous: string | null = null;
  if (hasData(target)) {
    if (!options.replace) {
      throw new Error(
        `${target} contient déjà une base : relancez avec --replace pour la remplacer (elle sera mise de côté). / ` +
          'The folder already holds a database: pass --replace (it is moved aside, not deleted).',
      );
    }
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, previous);
  }
  const manifest = fs.existsSync(manifestPath(backupFile))
    ? (JSON.parse(fs.readFileSync(manifestPath(backupFile), 'utf8')) as BackupManifest)
    : null;
  const handle = openPglite(await createPglite({ dataDir: target, loadDataDir: new Blob([fs.readFileSync(backupFile)]) }));
  try {
    const tables = await tableChecksums(handle);
    const expected = manifest?.tables ?? tables;
    const names = new Set([...Object.keys(expected), ...Object.keys(tables)]);
    const mismatches = [...names].filter((name) => JSON.stringify(expected[name]) !== JSON.stringify(tables[name])).sort();
    return { tables, mismatches, previous };
  } finally {
    await handle.close();
  }
}
