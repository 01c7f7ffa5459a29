import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import * as traceabilityActions from '@/app/(app)/projects/[projectKey]/traceability/actions';
import { getDatabaseHandle, installDatabaseHandle, openPostgres, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { loose } from '../setup/server-actions';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from '../setup/test-database';
import { createSpecificationRow } from '../setup/trace-items';

/**
 * The app's own database role (README, "Database roles"): migrations run as the owner
 * (PASSERELLE_MIGRATION_DATABASE_URL) and grant the app's role (DATABASE_URL) data rights only. On a fresh database
 * migrated that way, the app works as that role, and the journal cannot be rewritten with raw SQL on its connection:
 * the database refuses UPDATE, DELETE and TRUNCATE by privilege, and refuses the owner's way around the append-only
 * trigger (disabling it, dropping the table).
 */

const template = inject('passerelleDatabase');
const role = `passerelle_app_${process.pid}_${randomBytes(3).toString('hex')}`;
const name = uniqueDatabaseName('approle');
let serverUrl: string;
let ownerUrl: string;
let app: DatabaseHandle;
let previous: DatabaseHandle;
let owner: postgres.Sql;

beforeAll(async () => {
  if (template.kind !== 'postgres') throw new Error('the postgres project needs TEST_DATABASE_URL (a PostgreSQL server)');
  serverUrl = template.serverUrl;
  owner = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await owner.unsafe(`create role ${role} login`);
  await createDatabase(serverUrl, name, 'template0');
  ownerUrl = databaseUrl(serverUrl, name);
  const appUrl = new URL(ownerUrl);
  appUrl.username = role;
  appUrl.password = '';
  app = openPostgres(appUrl.toString(), { max: 2 });
  await migrateDatabase(app, { ownerUrl });
  previous = getDatabaseHandle();
  installDatabaseHandle(app);
});

afterAll(async () => {
  installDatabaseHandle(previous);
  await app?.close();
  await dropDatabase(serverUrl, name);
  await owner?.unsafe(`drop role if exists ${role}`);
  await owner?.end();
});

const createRequirement = loose(requirementActions.createRequirement);
const updateRequirement = loose(requirementActions.updateRequirement);
const link = loose(traceabilityActions.linkRequirementToSpecification);

/** Runs raw SQL on the app role's own connection; the refusal's SQLSTATE and message, or 'accepted'. */
async function asAppRole(statement: string): Promise<{ code: string; message: string } | 'accepted'> {
  if (app.kind !== 'postgres') throw new Error('unreachable');
  try {
    await app.client.unsafe(statement);
    return 'accepted';
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
}

describe('the app connected as a role with data rights only', () => {
  test('it is not the owner, and the actions work: create, update with the tree lock, link; each journaled', async () => {
    if (app.kind !== 'postgres') throw new Error('unreachable');
    const [me] = await app.client<{ user: string; owns: boolean }[]>`
      select current_user as user, (select tableowner from pg_tables where tablename = 'audit_events') = current_user as owns`;
    expect(me).toEqual({ user: role, owns: false });

    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const created = (await createRequirement({ projectKey: project.key, title: 'Rôle applicatif', priority: 'must' })) as {
      ok: boolean;
      data: { id: string };
    };
    expect(created).toMatchObject({ ok: true });
    const parent = (await createRequirement({ projectKey: project.key, title: 'Chapitre', priority: 'must' })) as { data: { id: string } };
    const moved = await updateRequirement({
      projectKey: project.key,
      id: created.data.id,
      revision: 1,
      title: 'Déplacée',
      priority: 'must',
      parentId: parent.data.id,
    });
    expect(moved, JSON.stringify(moved)).toMatchObject({ ok: true });
    const specification = await createSpecificationRow(project);
    expect(await link({ projectKey: project.key, requirementId: created.data.id, specificationId: specification.id })).toMatchObject({ ok: true });
    const [journal] = await app.client<{ n: number }[]>`select count(*)::int as n from audit_events where project_id = ${project.id}`;
    expect(journal!.n).toBeGreaterThanOrEqual(4);
  });

  test.each([
    ['update audit_events set action = action', /permission denied for table audit_events/],
    ['delete from audit_events', /permission denied for table audit_events/],
    ['truncate audit_events', /permission denied for table audit_events/],
    ['alter table audit_events disable trigger all', /must be owner of table audit_events/],
    ['drop trigger audit_events_no_update_delete on audit_events', /must be owner of (table|relation) audit_events/],
    ['drop table audit_events', /must be owner of table audit_events/],
    ['truncate sessions', /permission denied for table sessions/],
    // Signatures and frozen baselines are append-only like the journal (issue 9).
    ['update signatures set reason = reason', /permission denied for table signatures/],
    ['delete from signatures', /permission denied for table signatures/],
    ['truncate signatures', /permission denied for table signatures/],
    ['alter table signatures disable trigger all', /must be owner of table signatures/],
    ['update baselines set name = name', /permission denied for table baselines/],
    ['delete from baseline_items', /permission denied for table baseline_items/],
  ])('raw SQL as the app role: %s → refused by the database', async (statement, message) => {
    if (app.kind !== 'postgres') throw new Error('unreachable');
    const [before] = await app.client<{ n: number }[]>`select count(*)::int as n from audit_events`;
    expect(before!.n).toBeGreaterThan(0);
    const refusal = await asAppRole(statement);
    expect(refusal).toEqual({ code: '42501', message: expect.stringMatching(message) });
    const [after] = await app.client<{ n: number }[]>`select count(*)::int as n from audit_events`;
    expect(after!.n).toBe(before!.n);
  });

  test('the owner migrating again (a new migration) keeps the grants: the app role still has exactly its rights', async () => {
    await migrateDatabase(app, { ownerUrl });
    const inDatabase = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    const rights = await inDatabase<{ table_name: string; privilege_type: string }[]>`
      select table_name, privilege_type from information_schema.role_table_grants
      where grantee = ${role} and table_name in ('audit_events', 'requirements') order by 1, 2`;
    await inDatabase.end();
    expect(rights.map((r) => `${r.table_name}:${r.privilege_type}`)).toEqual([
      'audit_events:INSERT',
      'audit_events:SELECT',
      'requirements:DELETE',
      'requirements:INSERT',
      'requirements:SELECT',
      'requirements:UPDATE',
    ]);
  });
});
