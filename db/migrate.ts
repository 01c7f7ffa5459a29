import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { openPostgres, type Database, type DatabaseHandle } from './client';
import { migrationDatabaseUrl } from './config';

const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');
/** Arbitrary constant shared by every instance, so two servers starting together migrate one after the other. */
const MIGRATION_LOCK_KEY = 7_310_442_901;

/**
 * Applies pending migrations. On PostgreSQL they run on `ownerUrl` (PASSERELLE_MIGRATION_DATABASE_URL by default),
 * else on the app's own connection. When the app connects as another role than the owner, that role is then
 * granted data rights only (grantApplicationRole), again after every migration so new tables are covered.
 */
export async function migrateDatabase(handle: DatabaseHandle, options: { ownerUrl?: string } = {}): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const ownerUrl = options.ownerUrl ?? migrationDatabaseUrl() ?? handle.url;
  const appRole = decodeURIComponent(new URL(handle.url).username);
  const separateRole = appRole !== '' && appRole !== decodeURIComponent(new URL(ownerUrl).username);
  // The advisory lock is per connection: take it on a dedicated single-connection client.
  const dedicated = openPostgres(ownerUrl, { max: 1 });
  try {
    await dedicated.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(dedicated.db as unknown as PostgresJsDatabase, { migrationsFolder });
      if (separateRole) await grantApplicationRole(dedicated.db, appRole);
    } finally {
      await dedicated.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await dedicated.close();
  }
}

/**
 * What the running app may do as a non-owner role: read and write rows (no DDL, no TRUNCATE, no triggers: only the
 * owner can alter a table or disable its triggers), and on the append-only tables — every table the append-only
 * triggers of migrations 0001 and golive_sql guard — only read and insert, so the database refuses a rewrite by privilege before
 * any trigger runs. The role itself (LOGIN, password) is created by whoever runs the server (README).
 */
export async function grantApplicationRole(db: Database, role: string): Promise<void> {
  const who = sql.identifier(role);
  const guarded = (await db.execute(sql`
    select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where t.tgfoid in ('passerelle_refuse_audit_change'::regproc, 'passerelle_refuse_go_live_change'::regproc)`)) as unknown as { name: string }[];
  await db.transaction(async (tx) => {
    await tx.execute(sql`grant usage on schema public to ${who}`);
    await tx.execute(sql`grant select, insert, update, delete on all tables in schema public to ${who}`);
    await tx.execute(sql`revoke truncate, references, trigger on all tables in schema public from ${who}`);
    await tx.execute(sql`grant usage, select, update on all sequences in schema public to ${who}`);
    for (const { name } of guarded) await tx.execute(sql`revoke update, delete, truncate on ${sql.identifier(name)} from ${who}`);
  });
}
