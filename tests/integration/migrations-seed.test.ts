import fs from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { getDb, type DatabaseHandle } from '@/db/client';
import { listProjectMembers } from '@/db/queries/memberships';
import { authenticateWithPassword } from '@/db/queries/sign-in';
import * as schema from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROJECT } from '@/db/seed/demo-accounts';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import { listRequirements } from '@/db/queries/requirements';
import { migrateDatabase } from '@/db/migrate';
import { countRows, queryRows, snapshotTables } from '../setup/db-state';
import { openEmptyDatabase } from '../setup/test-database';

const template = inject('passerelleDatabase');
const journal = JSON.parse(fs.readFileSync(path.resolve('db/migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };

async function rowsOf<T extends Record<string, unknown>>(handle: DatabaseHandle, query: SQL): Promise<T[]> {
  const result = (await handle.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe(`migrations on a fresh ${template.kind} database`, () => {
  let empty: Awaited<ReturnType<typeof openEmptyDatabase>>;

  beforeAll(async () => {
    empty = await openEmptyDatabase(template);
  });
  afterAll(async () => {
    await empty?.dispose();
  });

  test('apply from nothing, each migration recorded once', async () => {
    expect(await rowsOf(empty.handle, sql`select 1 from information_schema.tables where table_name = 'users'`)).toEqual([]);
    await migrateDatabase(empty.handle);
    const applied = await rowsOf<{ n: number }>(empty.handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]!.n).toBe(journal.entries.length);
  });

  test('every table and column of the Drizzle schema exists (no schema change without its migration)', async () => {
    const columns = await rowsOf<{ table_name: string; column_name: string }>(
      empty.handle,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    const present = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const tables: PgTable[] = [];
    for (const value of Object.values(schema) as unknown[]) if (value instanceof PgTable) tables.push(value);
    expect(tables.length).toBeGreaterThanOrEqual(6);
    const missing = tables.flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns.map((c) => `${config.name}.${c.name}`).filter((name) => !present.has(name));
    });
    expect(missing).toEqual([]);
  });

  test('the append-only triggers are installed', async () => {
    const triggers = await rowsOf<{ tgname: string }>(
      empty.handle,
      sql`select tgname from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal order by tgname`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual(['audit_events_no_truncate', 'audit_events_no_update_delete']);
  });

  test('running them again changes nothing', async () => {
    await migrateDatabase(empty.handle);
    const applied = await rowsOf<{ n: number }>(empty.handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]!.n).toBe(journal.entries.length);
  });

  test.runIf(template.kind === 'postgres')('two servers starting at once migrate one after the other', async () => {
    const other = await openEmptyDatabase(template);
    try {
      await Promise.all([migrateDatabase(other.handle), migrateDatabase(other.handle), migrateDatabase(other.handle)]);
      const applied = await rowsOf<{ n: number }>(other.handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(applied[0]!.n).toBe(journal.entries.length);
    } finally {
      await other.dispose();
    }
  });
});

describe('seedDemoIfEmpty', () => {
  test('seeds an empty database with one account per role and the PAIE project', async () => {
    expect(await countRows('users')).toBe(0);
    expect(await seedDemoIfEmpty(getDb())).toBe(true);

    const people = await queryRows<{ email: string; is_admin: boolean; has_password: boolean }>(
      sql`select email, is_admin, password_hash is not null as has_password from users order by email`,
    );
    expect(people).toHaveLength(5);
    expect(people.filter((p) => p.is_admin).map((p) => p.email)).toEqual([DEMO_ACCOUNTS[0]!.email]);
    expect(people.every((p) => p.has_password)).toBe(true);

    const [project] = await queryRows<{ id: string; key: string; name: string; client: string }>(
      sql`select id, key, name, client from projects`,
    );
    expect(project).toMatchObject({ key: 'PAIE', name: DEMO_PROJECT.name, client: DEMO_PROJECT.client });
    expect(await countRows('projects')).toBe(1);
    const members = await listProjectMembers(getDb(), project!.id);
    expect(Object.fromEntries(members.map((m) => [m.email, m.role]))).toEqual(
      Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.email, a.role])),
    );
    expect(new Set(members.map((m) => m.role))).toEqual(new Set(['owner', 'amoe', 'amoa', 'moa', 'viewer']));
    expect(await countRows('audit_events')).toBeGreaterThan(0);
  });

  test('the demo has test cases with steps, performance criteria, suspect ones and covered requirements', async () => {
    const [project] = await queryRows<{ id: string }>(sql`select id from projects`);
    const cases = await queryRows<{ steps: number; type: string; criteria: number }>(
      sql`select jsonb_array_length(steps) as steps, type::text, jsonb_array_length(criteria) as criteria from test_cases`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.every((c) => c.steps > 0)).toBe(true);
    expect(cases.filter((c) => c.type === 'performance' && c.criteria > 0).length).toBeGreaterThanOrEqual(3);
    const states = await queryRows<{ kind: string; direct: number; inherited: number }>(
      sql`select kind::text, (count(*) filter (where directly_suspect))::int as direct,
        (count(*) filter (where suspect and not directly_suspect))::int as inherited
        from trace_link_states where kind <> 'requirement_specification' group by kind order by kind`,
    );
    expect(states.find((s) => s.kind === 'requirement_test_case')!.direct).toBeGreaterThanOrEqual(1);
    expect(states.find((s) => s.kind === 'specification_test_case')!.inherited).toBeGreaterThanOrEqual(1);
    const coverage = (await listRequirements(getDb(), project!.id, { pageSize: 0 })).rows.map((r) => r.coverage);
    expect(new Set(coverage)).toEqual(new Set(['covered', 'uncovered', 'suspect']));
  });

  test('the demo accounts sign in with the demo password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(await authenticateWithPassword({ email: account.email, password: DEMO_PASSWORD, address: '192.0.2.200' })).not.toBeNull();
    }
  });

  test('a second call (a restart, or a database in use) does nothing', async () => {
    const before = await snapshotTables();
    expect(await seedDemoIfEmpty(getDb())).toBe(false);
    expect(await snapshotTables()).toEqual(before);
  });
});
