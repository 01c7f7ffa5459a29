import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createPglite, openPglite, openPostgres, type DatabaseHandle, type Transaction } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { importResults } from '@/db/queries/results-import';
import { campaigns, projects, users } from '@/db/schema';
import { automationKeyOf } from '@/lib/interop/junit/match-junit';
import { parseJUnit } from '@/lib/interop/junit/parse-junit';

/**
 * `npm run bench:junit` — imports the corpus's largest JUnit file (jest-junit, 4,239 cases, 615 kB) end to end:
 * read, match, write, as the campaign page's import does. On an in-memory PGlite, then on DATABASE_URL when set.
 * Two cases: a fresh campaign where every case proposes a new automated test case (created, then run), and a CI
 * re-run where every case matches an existing test case. Each run happens in a transaction rolled back at the end,
 * so nothing is left in the database. Figures, not assertions (target on this machine: ≤ 3 s).
 */
const FILE = 'jest-junit_large_4239_tests.xml';
const fixtures = process.env.PASSERELLE_FIXTURES ?? path.resolve(import.meta.dirname, '../../shared/fixtures');
const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'junit', FILE)));

class Rollback extends Error {}

async function inRolledBackTransaction(handle: DatabaseHandle, work: (tx: Transaction) => Promise<void>) {
  try {
    await handle.db.transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

async function setUp(tx: Transaction, withTestCases: boolean, planned: boolean) {
  const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
  const [user] = await tx.insert(users).values({ email: `bench-${suffix}@example.test`, name: 'Banc JUnit' }).returning({ id: users.id });
  const [project] = await tx.insert(projects).values({ key: `BJ${suffix}`.slice(0, 10), name: 'Banc JUnit', client: 'Bench' }).returning({ id: projects.id });
  const [campaign] = await tx
    .insert(campaigns)
    .values({ projectId: project!.id, number: 1, name: 'Non-régression CI', type: 'non_regression' })
    .returning({ id: campaigns.id });
  if (withTestCases) {
    const keys = [...new Set(parseJUnit(bytes, FILE).cases.map(automationKeyOf).filter(Boolean))];
    await tx.execute(sql`
      insert into test_cases (project_id, number, title, type, automated, automation_key)
      select ${project!.id}, n, left(k, 300), 'functional', true, k
      from unnest(${`{${keys.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]) with ordinality as t(k, n)`);
    if (planned) {
      await tx.execute(sql`
        insert into campaign_items (project_id, campaign_id, test_case_id, planned_version, position)
        select project_id, ${campaign!.id}, id, version, number from test_cases where project_id = ${project!.id}`);
    }
  }
  return { actorId: user!.id, projectId: project!.id, campaignId: campaign!.id };
}

async function bench(handle: DatabaseHandle, label: string, withTestCases: boolean, planned = false) {
  await inRolledBackTransaction(handle, async (tx) => {
    const target = await setUp(tx, withTestCases, planned);
    const started = performance.now();
    const outcome = await importResults(tx, { ...target, files: [{ name: FILE, bytes }], build: 'bench', environment: 'CI', createProposed: !withTestCases, locale: 'fr' });
    const elapsed = performance.now() - started;
    console.log(
      `${handle.kind.padEnd(8)} ${label.padEnd(52)} ${elapsed.toFixed(0).padStart(6)} ms   ${outcome.executions} executions (${outcome.passed} passed, ${outcome.failed} failed), ${outcome.createdTestCases} test cases created, ${outcome.addedToScope} added to scope`,
    );
  });
}

async function run(handle: DatabaseHandle) {
  try {
    await migrateDatabase(handle);
    await bench(handle, 'fresh campaign, proposed test cases created', false);
    await bench(handle, 'every case matches, none planned in the campaign', true);
    await bench(handle, 'every case matches a planned campaign item', true, true);
    await bench(handle, 'the same, second round', true, true);
  } finally {
    await handle.close();
  }
}

async function main() {
  const started = performance.now();
  parseJUnit(bytes, FILE);
  console.log(`parse only (${bytes.length} bytes, first call)                   ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  await run(openPglite(await createPglite()));
  if (process.env.DATABASE_URL) await run(openPostgres(process.env.DATABASE_URL));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
