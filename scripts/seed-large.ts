import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { getDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import {
  LARGE_ACCOUNT_PASSWORD,
  LARGE_PROJECT,
  LargeProjectExistsError,
  hasLargeProject,
  SMALL_PROJECT,
  seedLargeProject,
} from '@/db/seed/large';

/**
 * `npm run seed:large [-- --reset | --if-empty] [-- --seed 20260105]`
 * Fills the database the server would use (DATABASE_URL, else the embedded folder PASSERELLE_DATA_DIR or `.data/`,
 * refused while a server holds it) with the large benchmark project, a small one and one account per role.
 * Refuses a database that already has them; `--reset` first empties the WHOLE database and migrates it again;
 * `--if-empty` (used by `bench:pages`) leaves such a database as it is and exits 0.
 */
async function resetDatabase(handle: DatabaseHandle) {
  // Everything lives in these two schemas (the migrations journal in `drizzle`); the audit trigger forbids
  // DELETE and TRUNCATE, so dropping is the only way to start over.
  await handle.db.execute(sql`drop schema if exists drizzle cascade`);
  await handle.db.execute(sql`drop schema public cascade`);
  await handle.db.execute(sql`create schema public`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      'if-empty': { type: 'boolean', default: false },
      seed: { type: 'string' },
    },
  });
  const handle = getDatabaseHandle();
  const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${process.env.PASSERELLE_DATA_DIR ?? '.data'})`;
  try {
    const started = performance.now();
    if (values.reset) {
      console.log(`--reset : la base ${where} est entièrement effacée.`);
      await resetDatabase(handle);
    }
    await migrateDatabase(handle);
    if (values['if-empty'] && (await hasLargeProject(handle.db))) {
      console.log(`Le jeu de charge est déjà dans ${where} : rien à faire.`);
      return;
    }
    const summary = await seedLargeProject(handle.db, { seed: values.seed ? Number(values.seed) : undefined });
    console.log(`Jeu de charge écrit dans ${where} :`);
    for (const step of summary.steps) {
      const counts = Object.entries(step.counts).map(([k, n]) => `${n.toLocaleString('fr-FR')} ${k}`);
      console.log(`  ${step.name.padEnd(34)} ${step.ms.toFixed(0).padStart(7)} ms  ${counts.join(', ')}`);
    }
    console.log(`  ${'total'.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(7)} ms`);
    console.log(`Projets : ${LARGE_PROJECT.key} (grand), ${SMALL_PROJECT.key} (petit). Comptes (mot de passe : ${LARGE_ACCOUNT_PASSWORD}) :`);
    for (const account of summary.accounts) console.log(`  ${account.role.padEnd(7)} ${account.email}${account.role === 'owner' ? '  (administrateur)' : ''}`);
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof LargeProjectExistsError || (error as Error)?.name === 'EmbeddedDatabaseLockedError' ? (error as Error).message : error);
    process.exit(1);
  },
);
