import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { embeddedDataDir } from './config';
import { guardDriverCrash } from './driver-guard';
import { acquireEmbeddedLock } from './embedded-lock';
import { queryLogger } from './query-log';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: queries accept both so actions can run them inside their transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle =
  | { kind: 'postgres'; url: string; db: Database; client: postgres.Sql; close: () => Promise<void> }
  | { kind: 'pglite'; db: Database; client: PGlite; close: () => Promise<void> };

const globalStore = globalThis as unknown as { __passerelleDatabase?: DatabaseHandle };

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  // JIT off for the app's sessions: its statements are short and planned anew each time, and PostgreSQL's JIT (on
  // by default, past jit_above_cost) compiled the readiness page's one large statement for 0.6–1.5 s of its
  // 1.7–3.3 s on the large project (EXPLAIN ANALYZE), more than any part of the plan itself.
  const connect = () => postgres(url, { max: options.max ?? 10, onnotice: () => {}, connection: { jit: 'off' } });
  const wrap = (client: postgres.Sql) => drizzlePostgres({ client, schema, logger: queryLogger() }) as unknown as Database;
  const client = connect();
  const handle: Extract<DatabaseHandle, { kind: 'postgres' }> = {
    kind: 'postgres',
    url,
    db: wrap(client),
    client,
    close: async () => {
      unguard();
      await handle.client.end();
    },
  };
  // The driver fault of db/driver-guard.ts leaves one connection of the pool dead for good: the handle gets a fresh
  // pool (requests take `getDb()` each time); the old one ends once its running queries are done, or in 5 s.
  const unguard = guardDriverCrash(() => {
    const old = handle.client;
    handle.client = connect();
    handle.db = wrap(handle.client);
    old.end({ timeout: 5 }).catch((error: unknown) => console.error('[db] closing the replaced pool', error));
  });
  return handle;
}

/** An embedded database with the extensions the migrations need (PGlite loads contrib modules explicitly). */
export function createPglite(options: Omit<PGliteOptions, 'extensions'> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { unaccent } });
}

export function openPglite(client: PGlite): DatabaseHandle {
  const db = drizzlePglite({ client, schema, logger: queryLogger() }) as unknown as Database;
  return { kind: 'pglite', db, client, close: () => client.close() };
}

function openFromEnvironment(): DatabaseHandle {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  const dir = embeddedDataDir();
  acquireEmbeddedLock(dir);
  return openPglite(new PGlite(path.join(dir, 'pglite'), { extensions: { unaccent } }));
}

/** One handle per process, opened on first use (never at import time, so `next build` workers don't open it). */
export function getDatabaseHandle(): DatabaseHandle {
  globalStore.__passerelleDatabase ??= openFromEnvironment();
  return globalStore.__passerelleDatabase;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

/** Tests and CLI scripts hand in the database they opened themselves. */
export function installDatabaseHandle(handle: DatabaseHandle): void {
  globalStore.__passerelleDatabase = handle;
}
