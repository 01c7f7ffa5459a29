import path from 'node:path';

/** Where the embedded database and its generated secret live when DATABASE_URL is unset. */
export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PASSERELLE_DATA_DIR ?? '.data');
}

export function usesEmbeddedDatabase(): boolean {
  return !process.env.DATABASE_URL;
}

/**
 * The owner's connection for migrations, when the running app connects (DATABASE_URL) as a role with data rights
 * only: the migrations then run as the owner and grant that role what the app needs (db/migrate.ts).
 */
export function migrationDatabaseUrl(): string | undefined {
  return process.env.PASSERELLE_MIGRATION_DATABASE_URL || undefined;
}
