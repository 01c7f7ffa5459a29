/**
 * A process on its own (no test runner, no Next.js listener): the application's pool, a transaction whose backend
 * is terminated while it waits, then as many queries as the pool has connections, twice. Prints one JSON line;
 * without the driver guard (db/driver-guard.ts) the process dies of porsager/postgres#1208 before printing.
 * Run by tests/postgres/faults-connection.test.ts with TEST_DATABASE_URL.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { getDb, installDatabaseHandle, openPostgres } from '@/db/client';

const url = process.env.TEST_DATABASE_URL!;
const POOL = 3;
const handle = openPostgres(url, { max: POOL });
installDatabaseHandle(handle);
const firstPool = handle.client;
const other = postgres(url, { max: 2, onnotice: () => {} });
const key = 7_000_000 + Math.floor(Math.random() * 1_000_000);

const locker = await other.reserve();
await locker`select pg_advisory_lock(${key})`;
const waiting = getDb()
  .transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
  })
  .then(
    () => 'committed',
    (error: Error) => `failed: ${error.message}`,
  );
let victim: number | undefined;
for (let attempt = 0; attempt < 200 && victim === undefined; attempt += 1) {
  const rows = await other<{ pid: number }[]>`
    select pid from pg_stat_activity where wait_event_type = 'Lock' and query like '%pg_advisory_xact_lock%' and pid <> pg_backend_pid()`;
  victim = rows[0]?.pid;
  if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
}
await other`select pg_terminate_backend(${victim!})`;
const transaction = await waiting;
await locker`select pg_advisory_unlock(${key})`;
locker.release();
// Give the driver's deferred write its turn (the crash happens there), then use every connection of the pool.
await new Promise((resolve) => setTimeout(resolve, 200));
const answers: number[] = [];
for (let round = 0; round < 2; round += 1) {
  const rows = await Promise.race([
    Promise.all(Array.from({ length: POOL * 2 }, () => getDb().execute(sql`select 1 as one, pg_sleep(0.05)`))),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queries hung after the kill')), 8_000)),
  ]);
  answers.push(rows.length);
}
console.log(JSON.stringify({ transaction, answers, poolReplaced: handle.client !== firstPool }));
await other.end();
await handle.close();
