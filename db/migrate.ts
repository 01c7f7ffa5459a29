import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { openPostgres, type DatabaseHandle } from './client';

const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');
/** Arbitrary constant shared by every instance, so two servers starting together migrate one after the other. */
const MIGRATION_LOCK_KEY = 7_310_442_901;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // The advisory lock is per connection: take it on a dedicated single-connection client.
  const dedicated = openPostgres(handle.url, { max: 1 });
  try {
    await dedicated.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(dedicated.db as unknown as PostgresJsDatabase, { migrationsFolder });
    } finally {
      await dedicated.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await dedicated.close();
  }
}
