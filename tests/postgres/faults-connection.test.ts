import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import * as specificationActions from '@/app/(app)/projects/[projectKey]/specifications/actions';
import { spawnSync } from 'node:child_process';
import { getDatabaseHandle, getDb } from '@/db/client';
import { isClosedConnectionWrite } from '@/db/driver-guard';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { queryRows, snapshotTables } from '../setup/db-state';
import { loose } from '../setup/server-actions';
import { createRequirementRow, createSpecificationRow, requirementById, specificationById } from '../setup/trace-items';

/**
 * Faults (issue 7): the database connection running an action's transaction is killed in the middle of it
 * (`pg_terminate_backend`, as a failover, an administrator or an OOM kill would). A second connection locks the
 * row the action is about to lock, so the action is caught waiting inside its transaction; its backend is then
 * terminated. The caller must get a plain `server_error` result (no exception, no half-written rows: every table's
 * fingerprint unchanged), and the very next call on the same pool must work.
 */

const updateRequirement = loose(requirementActions.updateRequirement);
const updateSpecification = loose(specificationActions.updateSpecification);
type Result = { ok: boolean; code?: string; data?: Record<string, unknown> };

/**
 * postgres.js 3.4.9 writes to the socket of the killed connection from a setImmediate and throws there
 * (porsager/postgres#1208); db/driver-guard.ts recognises that exact error and gives the handle a fresh pool.
 * Counted here, to show the fault is reproduced (and not just absent).
 */
let driverCrashes = 0;
const countDriverCrash = (error: Error) => {
  if (isClosedConnectionWrite(error)) driverCrashes += 1;
};
process.on('uncaughtException', countDriverCrash);

let other: postgres.Sql;
let database: string;
let survived = 0;
/** This file's own database (a copy of the migrated template). */
let databaseUrl: string;

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error('the postgres project needs TEST_DATABASE_URL (a PostgreSQL server)');
  const [row] = await queryRows<{ name: string }>(sql`select current_database() as name`);
  database = row!.name;
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
  other = postgres(url.toString(), { max: 3, onnotice: () => {} });
});

afterAll(async () => {
  console.log(`faults: ${survived} connection kills survived, ${driverCrashes} driver faults (porsager/postgres#1208) caught by the guard`);
  process.off('uncaughtException', countDriverCrash);
  await other?.end();
  // A pool the guard replaced is closing on its own deadline; the current one too, which the file's teardown awaits.
  const handle = getDatabaseHandle();
  if (handle.kind === 'postgres') await handle.client.end({ timeout: 2 });
});

/** The backend of the application's pool that waits on a row lock, once it does. */
async function waitingBackend(lockerPid: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const rows = await other<{ pid: number }[]>`
      select pid from pg_stat_activity
      where datname = ${database} and wait_event_type = 'Lock' and pid <> ${lockerPid} and pid <> pg_backend_pid()`;
    if (rows.length > 0) return rows[0]!.pid;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the action never waited on the locked row');
}

/** Runs `action` while `table`'s row `id` is locked elsewhere, kills the action's backend, then releases the lock. */
async function killMidAction(table: string, id: string, action: () => Promise<unknown>): Promise<Result> {
  const locker = await other.reserve();
  try {
    await locker`begin`;
    await locker`select 1 from ${locker(table)} where id = ${id} for update`;
    const [locked] = await locker<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const pending = action();
    const victim = await waitingBackend(locked!.pid);
    const [terminated] = await other<{ killed: boolean }[]>`select pg_terminate_backend(${victim}) as killed`;
    expect(terminated?.killed).toBe(true);
    const result = (await pending) as Result;
    await locker`rollback`;
    return result;
  } finally {
    locker.release();
  }
}

describe('the connection killed in the middle of an action', () => {
  test('requirement save: a clean server_error, nothing partial, the next save works', async () => {
    const { project, members } = await createProjectWithMembers();
    const requirement = await createRequirementRow(project, { title: 'Avant la panne', createdBy: members.owner.id });
    await actAs(members.owner);
    const input = (title: string) => ({
      projectKey: project.key,
      id: requirement.id,
      revision: 1,
      title,
      statement: 'Énoncé',
      rationale: '',
      acceptanceCriteria: '',
      priority: 'must',
      status: 'draft',
      source: '',
      tags: '',
      parentId: '',
    });
    const before = await snapshotTables();
    const result = await killMidAction('requirements', requirement.id, () => updateRequirement(input('Pendant la panne')));
    expect(result).toMatchObject({ ok: false, code: 'server_error' });
    expect(await snapshotTables()).toEqual(before);
    survived += 1;
    expect(await updateRequirement(input('Après la panne'))).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await requirementById(requirement.id)).toMatchObject({ version: 2, title: 'Après la panne' });
  });

  test('specification save: a clean server_error, nothing partial, the next save works', async () => {
    const { project, members } = await createProjectWithMembers();
    const specification = await createSpecificationRow(project, { title: 'Architecture', createdBy: members.owner.id });
    await actAs(members.owner);
    const input = (body: string) => ({ projectKey: project.key, id: specification.id, revision: 1, title: 'Architecture', body, category: 'architecture' });
    const before = await snapshotTables();
    const result = await killMidAction('specifications', specification.id, () => updateSpecification(input('Pendant la panne')));
    expect(result).toMatchObject({ ok: false, code: 'server_error' });
    expect(await snapshotTables()).toEqual(before);
    survived += 1;
    expect(await updateSpecification(input('Après la panne'))).toMatchObject({ ok: true });
    expect(await specificationById(specification.id)).toMatchObject({ version: 2, body: 'Après la panne' });
  });

  test('the driver fault happened, was caught, and every connection of the replaced pool answers', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(driverCrashes, 'the kills above no longer reproduce porsager/postgres#1208: drop the guard if it is fixed').toBeGreaterThan(0);
    const rows = await Promise.race([
      Promise.all(Array.from({ length: 12 }, () => getDb().execute(sql`select 1 as one, pg_sleep(0.02)`))),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queries hang after the kill')), 8_000)),
    ]);
    expect(rows).toHaveLength(12);
  });

  test('a process with no other handler (no Next.js, no test runner) survives the fault and its pool still answers', () => {
    // Without the guard this process dies of the TypeError; with the fault swallowed but the pool kept, its queries hang.
    const run = spawnSync('npx', ['tsx', '--conditions=react-server', 'tests/postgres/processes/killed-transaction.mts'], {
      env: { ...process.env, TEST_DATABASE_URL: databaseUrl },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(report).toEqual({ transaction: expect.stringMatching(/^failed: /), answers: [6, 6], poolReplaced: true });
    expect(run.stderr).toContain('porsager/postgres#1208');
  }, 90_000);
});
