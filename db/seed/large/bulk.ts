import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';

/**
 * Multi-row INSERTs of `size` rows: one statement per chunk instead of one per row, and well under PostgreSQL's
 * 65,535 bind parameters per statement for the widest table here (about 15 columns).
 */
export async function insertInChunks<T extends PgTable>(tx: Transaction, table: T, rows: T['$inferInsert'][], size = 500) {
  for (let start = 0; start < rows.length; start += size) {
    await tx.insert(table).values(rows.slice(start, start + size));
  }
  return rows.length;
}
