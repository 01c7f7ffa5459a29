import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createPglite, openPglite, openPostgres, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { listRequirements } from '@/db/queries/requirements';
import { listSpecifications } from '@/db/queries/specifications';
import { listSuspectLinks } from '@/db/queries/trace-links';
import { projects } from '@/db/schema';

/**
 * `npm run bench:traceability [-- --requirements 2000 --specifications 4000]`
 * Generates a large project in a throwaway database (in-memory PGlite, or BENCH_DATABASE_URL: a PostgreSQL database
 * that this script fills and that must be empty) and times the reads behind the requirement, specification and
 * traceability pages. Figures, not assertions: speed targets live here, never in tests.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const REQUIREMENTS = Number(args.get('requirements') ?? 2000);
const SPECIFICATIONS = Number(args.get('specifications') ?? 4000);
const ROUNDS = Number(args.get('rounds') ?? 5);

async function open(): Promise<DatabaseHandle> {
  const url = process.env.BENCH_DATABASE_URL;
  return url ? openPostgres(url) : openPglite(await createPglite());
}

async function generate(handle: DatabaseHandle): Promise<string> {
  const db = handle.db;
  const [project] = await db.insert(projects).values({ key: 'BENCH', name: 'Banc de charge', client: 'Bench' }).returning({ id: projects.id });
  const projectId = project!.id;
  await db.execute(sql`
    insert into requirements (project_id, number, title, statement, priority, status, tags, version)
    select ${projectId}, n, 'Exigence de charge ' || n, 'Le système traite la demande numéro ' || n || ' avec ses contrôles.',
      (array['must','should','could','wont'])[1 + n % 4]::requirement_priority,
      (array['draft','validated','obsolete'])[1 + n % 3]::requirement_status,
      array['lot' || (n % 20)], 1 + (n % 3)
    from generate_series(1, ${REQUIREMENTS}) n`);
  await db.execute(sql`
    insert into specifications (project_id, number, title, body, category, status)
    select ${projectId}, n, 'Spécification de charge ' || n, '## Conception ' || n || E'\n\nTexte de la spécification.',
      (array['architecture','interface','data','security','performance','infrastructure','operations'])[1 + n % 7]::specification_category,
      (array['draft','in_review','approved','superseded'])[1 + n % 4]::specification_status
    from generate_series(1, ${SPECIFICATIONS}) n`);
  // Three links out of four specifications; every third link was reviewed against an older requirement version.
  await db.execute(sql`
    insert into trace_links (project_id, kind, upstream_id, downstream_id, reviewed_version)
    select ${projectId}, 'requirement_specification', r.id, s.id, case when s.number % 3 = 0 then 1 else r.version end
    from specifications s
    join requirements r on r.project_id = s.project_id and r.number = 1 + (s.number * 7) % ${REQUIREMENTS}
    where s.project_id = ${projectId} and s.number % 4 <> 0`);
  await db.execute(sql`analyze`);
  return projectId;
}

async function time(label: string, run: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label.padEnd(52)} median ${median.toFixed(1).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms`);
}

async function main() {
  const handle = await open();
  try {
    await migrateDatabase(handle);
    const started = performance.now();
    const projectId = await generate(handle);
    console.log(
      `${handle.kind}: ${REQUIREMENTS} requirements, ${SPECIFICATIONS} specifications generated in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const db = handle.db;
    await time('requirements list, first page (50)', () => listRequirements(db, projectId, {}));
    await time('requirements list, all rows (tree view)', () => listRequirements(db, projectId, { pageSize: 0 }));
    await time('requirements list, coverage = suspect', () => listRequirements(db, projectId, { coverage: 'suspect' }));
    await time('requirements search "demande"', () => listRequirements(db, projectId, { q: 'demande' }));
    await time('specifications list, first page', () => listSpecifications(db, projectId, {}));
    await time('specifications list, suspect only', () => listSpecifications(db, projectId, { suspect: true }));
    await time('suspect links ("À revoir")', () => listSuspectLinks(db, projectId));
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
