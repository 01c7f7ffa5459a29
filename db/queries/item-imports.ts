import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { auditEvents, requirements, testCases } from '@/db/schema';
import type { ExistingRequirement } from '@/lib/import/requirement-plan';
import type { ExistingTestCase } from '@/lib/import/test-case-plan';
import type { PlannedItem } from '@/lib/import/rows';
import type { RequirementFields } from '@/lib/requirements/schema';
import { requirementSnapshot } from '@/lib/requirements/schema';
import type { TestCaseFields } from '@/lib/recette/schema';
import { testCaseSnapshot } from '@/lib/recette/schema';
import { REF_PREFIXES, formatRef } from '@/lib/traceability/refs';
import { reserveRefNumbers } from './refs';
import { recordVersions } from './versioned-items';

/**
 * The database side of spreadsheet imports: what the plan compares against (read in two statements whatever the
 * file's size, the named rows locked when the import writes) and the writes of a checked plan, set-based, through
 * the same counters and history tables as the one-by-one actions.
 */

const CHUNK = 500;

/** Every requirement of the project as an outline, with the full state of the numbered ones. */
export async function requirementsForImport(db: Executor, projectId: string, numbers: number[], lock: boolean) {
  const outline = await db
    .select({ id: requirements.id, number: requirements.number, parentId: requirements.parentId, version: requirements.version, revision: requirements.revision })
    .from(requirements)
    .where(eq(requirements.projectId, projectId));
  const named = numbers.length
    ? await db
        .select()
        .from(requirements)
        .where(and(eq(requirements.projectId, projectId), inArray(requirements.number, numbers)))
        .for(lock ? 'update' : 'share')
    : [];
  const out = new Map<number, ExistingRequirement>(outline.map((r) => [r.number, r]));
  for (const row of named) out.set(row.number, { ...row, snapshot: requirementSnapshot(row) });
  return out;
}

export async function testCasesForImport(db: Executor, projectId: string, numbers: number[], lock: boolean) {
  if (!numbers.length) return new Map<number, ExistingTestCase>();
  const rows = await db
    .select()
    .from(testCases)
    .where(and(eq(testCases.projectId, projectId), inArray(testCases.number, numbers)))
    .for(lock ? 'update' : 'share');
  return new Map<number, ExistingTestCase>(rows.map((r) => [r.number, { id: r.id, number: r.number, version: r.version, revision: r.revision, snapshot: testCaseSnapshot(r) }]));
}

interface Writer {
  tx: Transaction;
  projectId: string;
  actorId: string;
}

type JournalRow = typeof auditEvents.$inferInsert;

async function journal(tx: Transaction, rows: JournalRow[]) {
  for (let start = 0; start < rows.length; start += CHUNK) await tx.insert(auditEvents).values(rows.slice(start, start + CHUNK));
}

/**
 * Writes a checked plan: new items numbered in one reservation and inserted in chunks, changed items updated with
 * their new version and revision, each with its history row and its journal row (as the actions write them).
 * Unchanged items are left alone. Returns the refs of what was created and updated, in the file's order.
 */
async function writePlan<F extends object>(
  { tx, projectId, actorId }: Writer,
  kind: 'requirement' | 'testCase',
  items: PlannedItem<F>[],
): Promise<{ created: string[]; updated: string[] }> {
  const table = kind === 'requirement' ? requirements : testCases;
  const entity = kind === 'requirement' ? 'requirement' : 'test_case';
  const creations = items.filter((i) => i.outcome === 'create');
  const updates = items.filter((i) => i.outcome === 'update');
  const history: { itemId: string; version: number; snapshot: object }[] = [];
  const rows: JournalRow[] = [];
  const created: string[] = [];

  if (creations.length) {
    const first = await reserveRefNumbers(tx, projectId, REF_PREFIXES[kind], creations.length);
    for (let start = 0; start < creations.length; start += CHUNK) {
      const chunk = creations.slice(start, start + CHUNK);
      const inserted = await tx
        .insert(table)
        .values(
          chunk.map((item, index) => ({
            ...(item.fields as object),
            projectId,
            number: first + start + index,
            createdBy: actorId,
            updatedBy: actorId,
          })) as never,
        )
        .returning({ id: table.id, number: table.number });
      const byNumber = new Map(inserted.map((r) => [r.number, r.id]));
      chunk.forEach((item, index) => {
        const number = first + start + index;
        const id = byNumber.get(number)!;
        const ref = formatRef(kind, number);
        created.push(ref);
        history.push({ itemId: id, version: 1, snapshot: item.fields });
        rows.push({ actorId, projectId, entity, entityId: id, action: 'create', before: null, after: { ref, ...item.fields, imported: true } });
      });
    }
  }

  const now = new Date();
  for (const item of updates) {
    await tx
      .update(table)
      .set({ ...(item.fields as object), version: item.version!, revision: item.revision!, updatedBy: actorId, updatedAt: now } as never)
      .where(and(eq(table.id, item.id!), eq(table.projectId, projectId)));
    // The same rule as a save by hand: a status-only change moves the revision, not the content version.
    if (item.newVersion) history.push({ itemId: item.id!, version: item.version!, snapshot: item.fields });
    rows.push({
      actorId,
      projectId,
      entity,
      entityId: item.id!,
      action: 'update',
      before: { ref: formatRef(kind, item.number!), version: item.newVersion ? item.version! - 1 : item.version!, ...item.before },
      after: { version: item.version!, ...item.fields, imported: true },
    });
  }
  await recordVersions(tx, kind, history, actorId);
  await journal(tx, rows);
  return { created, updated: updates.map((i) => formatRef(kind, i.number!)) };
}

export function writeRequirementPlan(writer: Writer, items: PlannedItem<RequirementFields>[]) {
  return writePlan(writer, 'requirement', items);
}

export function writeTestCasePlan(writer: Writer, items: PlannedItem<TestCaseFields>[]) {
  return writePlan(writer, 'testCase', items);
}
