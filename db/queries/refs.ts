import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { refCounters } from '@/db/schema';

/** The next number of a project's EXF / STD / CT / ANO series; the row lock makes concurrent creations take turns. */
export async function nextRefNumber(db: Executor, projectId: string, prefix: string): Promise<number> {
  return reserveRefNumbers(db, projectId, prefix, 1);
}

/** `count` consecutive numbers of the series in one statement (an import); returns the first. */
export async function reserveRefNumbers(db: Executor, projectId: string, prefix: string, count: number): Promise<number> {
  const [row] = await db
    .insert(refCounters)
    .values({ projectId, prefix, lastNumber: count })
    .onConflictDoUpdate({
      target: [refCounters.projectId, refCounters.prefix],
      set: { lastNumber: sql`${refCounters.lastNumber} + ${count}` },
    })
    .returning({ lastNumber: refCounters.lastNumber });
  return row!.lastNumber - count + 1;
}
