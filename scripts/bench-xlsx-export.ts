import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { projectSheet } from '@/app/api/projects/[projectKey]/spreadsheets/sheets';
import type { Translators } from '@/app/api/projects/[projectKey]/spreadsheets/translators';
import { getDatabaseHandle } from '@/db/client';
import { projects } from '@/db/schema';
import { LARGE_PROJECT } from '@/db/seed/large';
import { lookup } from '@/lib/actions/messages';
import { xlsxStream } from '@/lib/export/xlsx';

/**
 * `npm run bench:xlsx` — the large project's .xlsx exports (`npm run seed:large` first; DATABASE_URL or the embedded
 * folder, as the server would use) written as the download route writes them: the sheet read in one statement, then
 * streamed (lib/export/xlsx.ts), every byte consumed as a fast client would. Per export: rows, read time, write
 * time, file size, and the peak resident memory and heap above what the process held once the rows were read
 * (sampled every 5 ms). Figures, not assertions. Run with `node --expose-gc` (the npm script does) for steadier peaks.
 */
const gc = (globalThis as { gc?: () => void }).gc;

async function main() {
  const handle = getDatabaseHandle();
  try {
    const [project] = await handle.db.select({ id: projects.id }).from(projects).where(eq(projects.key, LARGE_PROJECT.key));
    if (!project) throw new Error(`No project ${LARGE_PROJECT.key}: run npm run seed:large first.`);
    // The French texts straight from the catalogue: next-intl does not load in a tsx script (its texts here are
    // plain words, no placeholders), and the headers weigh nothing next to the rows.
    const text = (path: string) => lookup('fr', path) ?? path;
    const tr = { t: (key: string) => text(`spreadsheets.export.${key}`), all: text } as unknown as Translators;
    for (const what of ['requirements', 'testCases', 'matrix'] as const) {
      const readStart = performance.now();
      const sheet = await projectSheet(handle.db, project.id, what, tr);
      const readMs = performance.now() - readStart;
      gc?.();
      const base = process.memoryUsage();
      const peak = { rss: base.rss, heap: base.heapUsed };
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peak.rss = Math.max(peak.rss, now.rss);
        peak.heap = Math.max(peak.heap, now.heapUsed);
      }, 5);
      const writeStart = performance.now();
      let bytes = 0;
      const reader = xlsxStream([sheet], 'fr').getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
      const writeMs = performance.now() - writeStart;
      clearInterval(sampler);
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `${what.padEnd(13)} ${String(sheet.rows.length).padStart(6)} rows  read ${readMs.toFixed(0).padStart(5)} ms  write ${writeMs.toFixed(0).padStart(5)} ms  ` +
          `${mb(bytes).padStart(8)}  peak +${mb(peak.rss - base.rss)} RSS, +${mb(peak.heap - base.heapUsed)} heap`,
      );
    }
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
