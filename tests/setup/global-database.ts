import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPglite, openPglite, openPostgres } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { TEST_DATABASE_PREFIX, createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName, withServer } from './test-database';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Databases left by an interrupted run on this machine (their pid is gone) would pile up: drop them. */
async function dropLeftovers(serverUrl: string): Promise<void> {
  const host = new URL(serverUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) return;
  const names = await withServer(serverUrl, (sql) =>
    sql<{ datname: string }[]>`select datname from pg_database where datname like ${TEST_DATABASE_PREFIX + '%'}`,
  );
  for (const { datname } of names) {
    const pid = Number(datname.slice(TEST_DATABASE_PREFIX.length).split('_')[0]);
    if (pid && !isAlive(pid)) await dropDatabase(serverUrl, datname);
  }
}

async function preparePostgresTemplate(project: TestProject, serverUrl: string) {
  await dropLeftovers(serverUrl);
  const templateName = uniqueDatabaseName('template');
  await createDatabase(serverUrl, templateName, 'template0');
  const handle = openPostgres(databaseUrl(serverUrl, templateName), { max: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    // A template can only be copied while nobody is connected to it.
    await handle.close();
  }
  // The fault suites (project postgres) kill and restart the server: they keep commits synchronous.
  project.provide('passerelleDatabase', { kind: 'postgres', serverUrl, templateName, asyncCommit: project.name !== 'postgres' });
  return () => dropDatabase(serverUrl, templateName);
}

const DUMP_PREFIX = 'passerelle-test-';

/** Dumps (~40 MB) left in the temp folder by an interrupted run: their pid is gone. */
function removeStaleDumps(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const match = new RegExp(`^${DUMP_PREFIX}(\\d+)-[0-9a-f]+\\.tar$`).exec(name);
    if (match && !isAlive(Number(match[1]))) fs.rmSync(path.join(os.tmpdir(), name), { force: true });
  }
}

async function preparePgliteTemplate(project: TestProject) {
  removeStaleDumps();
  const client = await createPglite();
  await migrateDatabase(openPglite(client));
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dumpFile = path.join(os.tmpdir(), `${DUMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}.tar`);
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('passerelleDatabase', { kind: 'pglite', dumpFile });
  return () => fs.rmSync(dumpFile, { force: true });
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? preparePostgresTemplate(project, serverUrl) : preparePgliteTemplate(project);
}
