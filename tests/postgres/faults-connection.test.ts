import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import * as specificationActions from '@/app/(app)/projects/[projectKey]/specifications/actions';
import { getDatabaseHandle } from '@/db/client';
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
 * (porsager/postgres#1208): in `next start` that is an uncaught exception, i.e. a crashed server. Counted here.
 */
let driverCrashes = 0;
const countDriverCrash = (error: Error) => {
  if (error.stack?.includes('nextWrite') && error.stack.includes('postgres/src/connection.js')) driverCrashes += 1;
};
process.on('uncaughtException', countDriverCrash);

let other: postgres.Sql;
let database: string;
let survived = 0;

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error('the postgres project needs TEST_DATABASE_URL (a PostgreSQL server)');
  const [row] = await queryRows<{ name: string }>(sql`select current_database() as name`);
  database = row!.name;
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  other = postgres(url.toString(), { max: 3, onnotice: () => {} });
});

afterAll(async () => {
  console.log(`faults: ${survived} connection kills survived, ${driverCrashes} uncaught driver exceptions (porsager/postgres#1208)`);
  await other?.end();
  // The connection the driver crashed on never settles (same upstream defect): close the pool with a deadline,
  // which the file's own teardown then awaits.
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

  // Known defect, kept visible: flips to a pass (and so fails here) once the driver is fixed or patched.
  test.fails('the driver raises no uncaught exception when the backend is killed (porsager/postgres#1208)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.off('uncaughtException', countDriverCrash);
    expect(driverCrashes).toBe(0);
  });
});
