import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { embeddedDataDir } from './config';
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
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, logger: queryLogger() }) as unknown as Database;
  return { kind: 'postgres', url, db, client, close: () => client.end() };
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
