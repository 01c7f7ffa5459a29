import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { exportProjectArchive } from '@/db/queries/project-archive/export';
import { importProjectArchive } from '@/db/queries/project-archive/import';
import { projects, users } from '@/db/schema';
import { localStorage } from '@/lib/storage/local-storage';
import { selectStorage } from '@/lib/storage/select-storage';

/**
 * `DATABASE_URL=… npm run bench:archive [-- --project CHARGE]` after `npm run seed:large` on that database.
 * Exports the project as the download route does (streamed, paged reads), counting bytes and sampling this process's
 * RSS, then imports the archive as a new project in a transaction that is rolled back (attachments go to a
 * throwaway folder). Figures, not assertions.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const KEY = args.get('project') ?? 'CHARGE';

class Rollback extends Error {}

function sampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return { stop: () => (clearInterval(timer), peak) };
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('bench:archive needs DATABASE_URL (a database filled by npm run seed:large)');
  const handle = openPostgres(process.env.DATABASE_URL);
  try {
    const [project] = await handle.db.select({ id: projects.id }).from(projects).where(eq(projects.key, KEY));
    if (!project) throw new Error(`no project ${KEY}: run npm run seed:large first`);
    const [owner] = await handle.db.select({ id: users.id, email: users.email, isAdmin: users.isAdmin }).from(users).where(eq(users.isAdmin, true)).limit(1);
    const rssBefore = process.memoryUsage().rss;
    let memory = sampler();
    let started = performance.now();
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    const reader = exportProjectArchive(handle.db, selectStorage(), project.id).getReader();
    for (let step = await reader.read(); !step.done; step = await reader.read()) {
      chunks.push(step.value);
      bytes += step.value.length;
    }
    const exportMs = performance.now() - started;
    const exportPeak = memory.stop();
    console.log(`export ${KEY}: ${mb(bytes)} zip in ${exportMs.toFixed(0)} ms; RSS ${mb(rssBefore)} before, peak ${mb(exportPeak)} (the archive's own chunks are kept here for the import)`);

    const archive = Buffer.concat(chunks);
    memory = sampler();
    started = performance.now();
    let summary: unknown;
    try {
      await handle.db.transaction(async (tx) => {
        summary = await importProjectArchive(tx, {
          actor: owner!,
          key: 'BENCHIMP',
          name: 'Banc import',
          bytes: archive,
          storage: localStorage('/tmp/passerelle-bench-archive'),
          audit: async () => {},
        });
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    const importPeak = memory.stop();
    const { unmatchedPeople: _names, ...figures } = summary as Record<string, unknown>;
    console.log(`import as a new project (rolled back): ${(performance.now() - started).toFixed(0)} ms, RSS peak ${mb(importPeak)}`, figures);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
