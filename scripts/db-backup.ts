import path from 'node:path';
import { parseArgs } from 'node:util';
import { embeddedDataDir, usesEmbeddedDatabase } from '@/db/config';
import { backupEmbedded, manifestPath, restoreEmbedded } from './db-backup-lib';

/**
 * `npm run db:backup -- [--out file.tar.gz]` and `npm run db:restore -- --from file.tar.gz [--replace]`, for the
 * embedded database of PASSERELLE_DATA_DIR (default `.data`). Stop the server first: both refuse a folder it holds.
 * On PostgreSQL, use pg_dump / pg_restore (printed here, and in the README).
 */
const POSTGRES_HELP =
  'Base PostgreSQL (DATABASE_URL) : utilisez ses outils. / PostgreSQL: use its own tools:\n' +
  '  pg_dump -Fc "$DATABASE_URL" -f passerelle.dump\n' +
  '  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" passerelle.dump';

function defaultBackupFile(): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return path.resolve('.data-backups', `passerelle-${stamp}.tar.gz`);
}

async function main() {
  const [mode, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { out: { type: 'string' }, from: { type: 'string' }, replace: { type: 'boolean', default: false } },
  });
  if (!usesEmbeddedDatabase()) throw new Error(POSTGRES_HELP);
  const dataDir = embeddedDataDir();
  if (mode === 'backup') {
    const file = path.resolve(values.out ?? defaultBackupFile());
    const manifest = await backupEmbedded(dataDir, file);
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    console.log(`Sauvegarde écrite / backup written: ${file}\n  ${Object.keys(manifest.tables).length} tables, ${rows} lignes / rows`);
    console.log(`  manifeste / manifest: ${manifestPath(file)}`);
    return;
  }
  if (mode === 'restore') {
    if (!values.from) throw new Error('Usage : npm run db:restore -- --from fichier.tar.gz [--replace]');
    const report = await restoreEmbedded(path.resolve(values.from), dataDir, { replace: values.replace });
    if (report.previous) console.log(`Ancienne base mise de côté / previous database moved to: ${report.previous}`);
    if (report.mismatches.length > 0) {
      throw new Error(`Restauration incomplète, tables différentes du manifeste / restore differs from the manifest: ${report.mismatches.join(', ')}`);
    }
    const rows = Object.values(report.tables).reduce((sum, t) => sum + t.rows, 0);
    console.log(`Base restaurée dans / restored into ${dataDir}: ${Object.keys(report.tables).length} tables, ${rows} lignes, sommes de contrôle identiques au manifeste / checksums match.`);
    return;
  }
  throw new Error('Usage : db-backup.ts backup [--out fichier] | restore --from fichier [--replace]');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
