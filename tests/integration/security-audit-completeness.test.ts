import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { applicationTables, queryRows } from '../setup/db-state';
import { GENERATED_CASE_TIMEOUT, generatedActions, replay, report, searchAcceptedDraw } from '../setup/generated-calls';

vi.mock('@/lib/actions/define-action', async (real) => (await import('../setup/action-definitions')).recordActions(await real()));

/**
 * Audit completeness (21 CFR Part 11 §11.10(e), ASVS 5.0 V16.2): every server action, once accepted, leaves journal
 * rows naming who acted, what and which; a change to existing rows records what they were before, a new state
 * records what it is after. Judged by effect: the rows the call wrote, not what its code says. And the journal
 * (with, once they exist, the signatures) cannot be rewritten with raw SQL on the application's own connection.
 */

/** Bookkeeping that is not the object of the action: counters, history copies, sign-in throttles. */
const BOOKKEEPING = new Set([
  'audit_events',
  'ref_counters',
  'requirement_versions',
  'specification_versions',
  'test_case_versions',
  'login_throttles',
]);
/**
 * Credentials and their bookkeeping: the journal must never copy them, so their changes need no before/after. A
 * session row is one (its id is the bearer's): signing in and out is journaled as the event, not as a row's copy.
 */
const CREDENTIALS = new Set(['password_tokens', 'sessions']);
const SECRET_OR_CLOCK_COLUMNS = new Set(['password_hash', 'session_version', 'token_hash', 'version', 'revision', 'updated_at', 'updated_by']);

/** Rows removed and rows inserted by the call, paired by id: an UPDATE of visible columns, or a DELETE. */
function changedExistingRows(change: { inserted: Record<string, unknown>[]; removed: Record<string, unknown>[] }): boolean {
  return change.removed.some((old) => {
    const updated = change.inserted.find((row) => 'id' in old && row.id === old.id);
    if (!updated) return true;
    return Object.keys(old).some((column) => !SECRET_OR_CLOCK_COLUMNS.has(column) && JSON.stringify(old[column]) !== JSON.stringify(updated[column]));
  });
}

interface AuditRow {
  actor_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

const entries = await generatedActions();
let audited = 0;
afterAll(() => report({ auditedActions: audited }));

describe('every accepted action is in the journal', () => {
  test.each(entries.map((e) => [e.name, e] as const))('%s: actor, object, before and after', async (_name, entry) => {
    const readOnly = entry.definition.readOnly === true;
    const search = await searchAcceptedDraw(entry, { seed: 13, attempts: 400, mustWrite: !readOnly });
    expect(search.draw, `no accepted input for ${entry.name}`).not.toBeNull();
    const played = await replay(entry, search.draw!);
    if (readOnly) {
      // A read behind a POST (a preview) journals nothing because it changes nothing at all.
      expect([...played.change.keys()], `${entry.name} is read-only but wrote`).toEqual([]);
      audited += 1;
      return;
    }
    const journal = (played.change.get('audit_events')?.inserted ?? []) as unknown as AuditRow[];
    expect(journal.length, `${entry.name} wrote no journal row`).toBeGreaterThanOrEqual(1);

    const actor = played.fixture.actor(search.draw!.kind);
    // Public actions act for an account (the one whose link was opened); everyone else acts as themselves.
    const actsForAnAccount = entry.definition.scope === 'public' || entry.definition.scope === 'signIn';
    const accounts = new Set([...played.fixture.pools.user, ...(played.change.get('users')?.inserted ?? []).map((u) => String(u.id))]);
    for (const row of journal) {
      if (actsForAnAccount) expect(accounts.has(String(row.actor_id)), JSON.stringify(row)).toBe(true);
      else expect(row.actor_id, JSON.stringify(row)).toBe(actor!.id);
      expect(row.entity, JSON.stringify(row)).not.toBe('');
      expect(row.entity_id, JSON.stringify(row)).not.toBe('');
      expect(row.action, JSON.stringify(row)).not.toBe('');
    }

    const touched = [...played.change].filter(([table]) => !BOOKKEEPING.has(table) && !CREDENTIALS.has(table));
    const changedExisting = touched.some(([, change]) => changedExistingRows(change));
    const wroteNew = touched.some(([, change]) => change.inserted.length > change.removed.length);
    if (changedExisting) expect(journal.some((r) => r.before !== null), `${entry.name}: no "before" ${JSON.stringify(journal)}`).toBe(true);
    if (wroteNew) expect(journal.some((r) => r.after !== null), `${entry.name}: no "after" ${JSON.stringify(journal)}`).toBe(true);
    audited += 1;
  }, GENERATED_CASE_TIMEOUT);
});

describe('the journal cannot be rewritten with raw SQL', () => {
  async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
    try {
      await queryRows(sql`select 1`);
      await queryRows(statement);
    } catch (error) {
      return String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
    }
    return 'accepted';
  }

  test('every append-only table (the journal; signatures once they exist) refuses UPDATE, DELETE and TRUNCATE', async () => {
    const tables = (await applicationTables()).filter((t) => /^audit_|signature/.test(t));
    expect(tables).toContain('audit_events');
    // A row to aim at, written the way the application writes them.
    const search = await searchAcceptedDraw(entries.find((e) => e.name === 'createRequirement')!, { seed: 1, attempts: 200 });
    expect(search.draw).not.toBeNull();
    for (const table of tables) {
      const [{ n }] = (await queryRows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`)) as [{ n: number }];
      expect(n, `${table} has rows to protect`).toBeGreaterThan(0);
      const t = sql.identifier(table);
      const firstColumn = sql.identifier(
        (await queryRows<{ c: string }>(sql`select column_name as c from information_schema.columns where table_name = ${table} order by ordinal_position limit 1`))[0]!.c,
      );
      for (const statement of [
        sql`update ${t} set ${firstColumn} = ${firstColumn}`,
        sql`delete from ${t}`,
        sql`delete from ${t} where ctid = (select ctid from ${t} limit 1)`,
        sql`truncate ${t}`,
        sql`truncate ${t} cascade`,
      ]) {
        expect(await refusal(statement), `${table}: ${JSON.stringify(statement.queryChunks.length)}`).not.toBe('accepted');
      }
      const [{ n: after }] = (await queryRows<{ n: number }>(sql`select count(*)::int as n from ${t}`)) as [{ n: number }];
      expect(after).toBe(n);
    }
  });
});
