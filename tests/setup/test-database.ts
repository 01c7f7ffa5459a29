import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { createPglite, openPglite, openPostgres, type DatabaseHandle } from '@/db/client';

/**
 * How the integration project gets its databases. Without TEST_DATABASE_URL: an in-memory PGlite migrated once,
 * dumped to a file and loaded by every test file. With it: a migrated template database on that server, copied
 * by `CREATE DATABASE … TEMPLATE` for every test file.
 */
export type DatabaseTemplate =
  | { kind: 'pglite'; dumpFile: string }
  | { kind: 'postgres'; serverUrl: string; templateName: string; asyncCommit: boolean };

declare module 'vitest' {
  export interface ProvidedContext {
    passerelleDatabase: DatabaseTemplate;
  }
}

/** Test databases carry the pid of the run that made them, so a later run can drop what a crashed one left. */
export const TEST_DATABASE_PREFIX = 'passerelle_test_';

export function uniqueDatabaseName(label: string): string {
  return `${TEST_DATABASE_PREFIX}${process.pid}_${label}_${randomBytes(4).toString('hex')}`;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}

/** A short-lived connection to the server's maintenance database, for CREATE / DROP DATABASE. */
export async function withServer<T>(serverUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  await withServer(serverUrl, async (sql) => {
    // Copies from one template can collide while the template is briefly in use: retry a few times.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await sql.unsafe(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
        return;
      } catch (error) {
        const busy = (error as { code?: string }).code === '55006';
        if (!busy || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withServer(serverUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** Opens this test file's own copy of the migrated template. */
export async function openTestDatabase(template: DatabaseTemplate): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (template.kind === 'pglite') {
    const dump = new Blob([fs.readFileSync(template.dumpFile)]);
    const handle = openPglite(await createPglite({ loadDataDir: dump }));
    return { handle, dispose: handle.close };
  }
  const name = uniqueDatabaseName('file');
  await createDatabase(template.serverUrl, name, template.templateName);
  // Waiting for the WAL flush of every commit was most of a fixture's cost on PostgreSQL (~70 small inserts). Commits
  // are just as visible without it; only a server crash could lose the last ones, and the integration project never
  // crashes the server (the postgres project, which does, keeps synchronous commits).
  if (template.asyncCommit) {
    await withServer(template.serverUrl, (sql) => sql.unsafe(`ALTER DATABASE ${quoteIdent(name)} SET synchronous_commit = off`));
  }
  const handle = openPostgres(databaseUrl(template.serverUrl, name), { max: 4 });
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await dropDatabase(template.serverUrl, name);
    },
  };
}

/** A database with nothing in it, not even the migrations, on the same engine as the template. */
export async function openEmptyDatabase(template: DatabaseTemplate): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (template.kind === 'pglite') {
    const handle = openPglite(await createPglite());
    return { handle, dispose: handle.close };
  }
  const name = uniqueDatabaseName('empty');
  await createDatabase(template.serverUrl, name, 'template0');
  const handle = openPostgres(databaseUrl(template.serverUrl, name), { max: 2 });
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await dropDatabase(template.serverUrl, name);
    },
  };
}
