import { getDatabaseHandle } from '@/db/client';
import { usesEmbeddedDatabase } from '@/db/config';
import { migrateDatabase } from '@/db/migrate';

/** `npm run db:migrate`: applies pending migrations; prints the error and exits non-zero when one fails. */
async function main() {
  const handle = getDatabaseHandle();
  try {
    await migrateDatabase(handle);
    console.log(`Migrations appliquées (${usesEmbeddedDatabase() ? 'base embarquée' : 'PostgreSQL'}).`);
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('Échec de la migration / migration failed:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause) console.error(error.cause);
    process.exit(1);
  },
);
