import path from 'node:path';

/** Where the embedded database and its generated secret live when DATABASE_URL is unset. */
export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PASSERELLE_DATA_DIR ?? '.data');
}

export function usesEmbeddedDatabase(): boolean {
  return !process.env.DATABASE_URL;
}
