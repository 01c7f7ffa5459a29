import { getDatabaseHandle } from './client';
import { usesEmbeddedDatabase } from './config';
import { migrateDatabase } from './migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts';
import { seedDemoIfEmpty } from './seed/demo';

/**
 * Server start: apply migrations, then, on the embedded default only, seed the demo into an empty database.
 * Seeding happens here, inside the server process, because PGlite allows one process per data folder.
 */
export async function bootstrapDatabase(): Promise<void> {
  const handle = getDatabaseHandle();
  await migrateDatabase(handle);
  if (!usesEmbeddedDatabase() || process.env.PASSERELLE_SEED_DEMO === 'false') return;
  if (await seedDemoIfEmpty(handle.db)) {
    const lines = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(7)} ${a.email}${a.isAdmin ? '  (administrateur)' : ''}`);
    console.log(
      [
        '',
        'Passerelle : projet de démonstration « PAIE » créé. Comptes de démonstration (mot de passe : ' + DEMO_PASSWORD + ') :',
        ...lines,
        '',
      ].join('\n'),
    );
  }
}
