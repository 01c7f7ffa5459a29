import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { attachments } from '@/db/schema';
import { getStorage } from '@/lib/storage/select-storage';
import { readAll } from '@/lib/storage/storage';
import { applicationTables, maxAuditId, queryRows } from '../setup/db-state';
import { createFixture } from '../setup/security-fixture';
import { fingerprint } from '../setup/table-rows';

/**
 * The generated suites build the security fixture once per file and restore it before every later case
 * (tests/setup/db-snapshot.ts): a case must meet exactly what a fresh build leaves, whatever the one before it wrote.
 */
describe('security fixture restore', () => {
  test('a later fixture finds every table, sequence and stored file as the build left them', async () => {
    const first = await createFixture();
    const built = await fingerprint();
    const auditId = await maxAuditId();
    const [attachment] = await getDb().select().from(attachments).limit(1);
    const bytes = await readAll((await getStorage().get(attachment!.storageKey))!);

    // What a case might leave: rows changed, removed and added (append-only tables included), a file removed.
    await getDb().execute(sql`update requirements set title = 'Changé par un cas' where project_id = ${first.project.id}`);
    await getDb().execute(sql`delete from attachments`);
    await getDb().execute(
      sql`insert into audit_events (actor_id, project_id, entity, entity_id, action) values (${first.members.owner.id}, ${first.project.id}, 'project', ${first.project.id}, 'update')`,
    );
    await getStorage().delete(attachment!.storageKey);
    expect(await fingerprint()).not.toBe(built);

    const second = await createFixture();
    expect(await fingerprint()).toBe(built);
    expect(second.pools).toEqual(first.pools);
    expect(await readAll((await getStorage().get(attachment!.storageKey))!)).toEqual(bytes);
    // The journal numbers from where the build left it, as a fresh build would.
    await getDb().execute(
      sql`insert into audit_events (actor_id, project_id, entity, entity_id, action) values (${second.members.owner.id}, ${second.project.id}, 'project', ${second.project.id}, 'update')`,
    );
    expect(await maxAuditId()).toBe(auditId + 1);
  });

  test('the copies stay out of the application schema the suites look at', async () => {
    await createFixture();
    const tables = await applicationTables();
    const copies = await queryRows<{ n: number }>(sql`select count(*)::int as n from information_schema.tables where table_schema like 'fixture\_snapshot\_%'`);
    expect(copies[0]!.n).toBe(tables.length);
    expect(tables.every((t) => !t.startsWith('fixture_snapshot'))).toBe(true);
  });

  test('symbols named by one fixture’s fresh values are not seen by the next fixture', async () => {
    const one = await createFixture();
    const value = one.fresh('Nom');
    expect(one.symbols.get(value)).toBe('<fresh.Nom>');
    const two = await createFixture();
    expect(two.symbols.has(value)).toBe(false);
    expect(two.fresh('Nom')).toBe(value);
  });
});
