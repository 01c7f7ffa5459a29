/**
 * The embedded database as the server opens it (PASSERELLE_DATA_DIR, no DATABASE_URL: the data folder's lock,
 * PGlite, the migrations). `write`: commits one account and its journal row per transaction, as createUser does,
 * and prints `ack <n>` once each commit has returned, until killed. `check`: prints the accounts found as JSON,
 * then proves the folder still takes a write. Run by tests/postgres/faults-embedded-kill.test.ts.
 */
import { like } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { auditEvents } from '@/db/schema/audit';
import { users } from '@/db/schema/users';

const mode = process.argv[2];
const prefix = process.argv[3]!;
const handle = getDatabaseHandle();
await migrateDatabase(handle);
const db = handle.db;

async function writeOne(n: number | string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: `${prefix}-${n}@example.test`, name: `Écrit ${n}` })
      .returning({ id: users.id });
    await tx.insert(auditEvents).values({ actorId: null, entity: 'user', entityId: row!.id, action: 'create', after: { n } });
  });
}

if (mode === 'write') {
  for (let n = 1; ; n += 1) {
    await writeOne(n);
    process.stdout.write(`ack ${n}\n`);
  }
} else {
  const rows = await db.select({ email: users.email }).from(users).where(like(users.email, `${prefix}-%`));
  await writeOne(`check-${Date.now()}`);
  console.log(JSON.stringify({ emails: rows.map((r) => r.email) }));
  await handle.close();
}
