import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, inject, test } from 'vitest';
import { getDb } from '@/db/client';
import { campaignItems, campaigns, executions } from '@/db/schema';
import { createProjectWithMembers } from '../setup/actors';
import { queryRows } from '../setup/db-state';
import { createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { createTestCaseRow } from '../setup/trace-items';

/**
 * campaign_items.latest_execution_id / latest_status / latest_finished_at are kept by the database (migration 0027):
 * after any write of executions they must be what the definition of "latest" gives, the last one started
 * (started_at desc, id desc), searched afresh.
 */

const template = inject('passerelleDatabase');

/** Items whose stored latest execution is not the one the search finds. */
async function drifted() {
  return queryRows<{ id: string }>(sql`
    select ci.id
    from campaign_items ci
    left join lateral (
      select e.id, e.status, e.finished_at from executions e
      where e.campaign_item_id = ci.id
      order by e.started_at desc, e.id desc
      limit 1
    ) le on true
    where (ci.latest_execution_id, ci.latest_status, ci.latest_finished_at) is distinct from (le.id, le.status, le.finished_at)`);
}

async function latestOf(itemId: string) {
  const [row] = await getDb()
    .select({ id: campaignItems.latestExecutionId, status: campaignItems.latestStatus, finishedAt: campaignItems.latestFinishedAt })
    .from(campaignItems)
    .where(eq(campaignItems.id, itemId));
  return row!;
}

async function setUp(itemCount = 2) {
  const { project } = await createProjectWithMembers();
  const campaign = await createCampaignRow(project);
  const testCases: Awaited<ReturnType<typeof createTestCaseRow>>[] = [];
  const items: Awaited<ReturnType<typeof createItemRow>>[] = [];
  for (let i = 0; i < itemCount; i += 1) {
    const testCase = await createTestCaseRow(project);
    testCases.push(testCase);
    items.push(await createItemRow(campaign, project, testCase, { position: i + 1 }));
  }
  const run = (i: number, options: Parameters<typeof createExecutionRow>[4], db = getDb()) =>
    createExecutionRow(items[i]!, campaign, project, testCases[i]!, options, db);
  return { project, campaign, testCases, items, run };
}

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 9, minute));

describe('the latest execution stored on each campaign item', () => {
  test('inserts: the last started wins, whatever the order of writing; equal starts fall to the greater id', async () => {
    const { items, run } = await setUp(1);
    expect(await latestOf(items[0]!.id)).toEqual({ id: null, status: null, finishedAt: null });

    const second = await run(0, { status: 'failed', startedAt: at(20) });
    expect(await latestOf(items[0]!.id)).toMatchObject({ id: second.id, status: 'failed', finishedAt: new Date(at(21)) });
    // An older run written later (a results import of an earlier build) does not displace it.
    await run(0, { status: 'passed', startedAt: at(10) });
    expect((await latestOf(items[0]!.id)).id).toBe(second.id);

    const tie = await run(0, { status: 'blocked', startedAt: at(20) });
    expect((await latestOf(items[0]!.id)).id).toBe([second.id, tie.id].sort().at(-1));
    expect(await drifted()).toEqual([]);
  });

  test('updates: a new status or finish shows, a moved start or item is searched again; a step alone rewrites no item', async () => {
    const { items, run } = await setUp(2);
    const db = getDb();
    const older = await run(0, { status: 'passed', startedAt: at(0) });
    const latest = await run(0, { status: 'in_progress', startedAt: at(5) });
    expect(await latestOf(items[0]!.id)).toEqual({ id: latest.id, status: 'in_progress', finishedAt: null });

    const itemRowVersion = async () => (await queryRows<{ xmin: string }>(sql`select xmin::text from campaign_items where id = ${items[0]!.id}`))[0]!.xmin;
    const before = await itemRowVersion();
    await db.update(executions).set({ stepResults: [{ status: 'passed', actual: 'ok' }], revision: 2 }).where(eq(executions.id, latest.id));
    expect(await itemRowVersion()).toBe(before);

    await db.update(executions).set({ status: 'failed', derivedStatus: 'failed', finishedAt: at(7) }).where(eq(executions.id, latest.id));
    expect(await latestOf(items[0]!.id)).toEqual({ id: latest.id, status: 'failed', finishedAt: at(7) });

    await db.update(executions).set({ startedAt: at(-5) }).where(eq(executions.id, latest.id));
    expect((await latestOf(items[0]!.id)).id).toBe(older.id);

    // Moved to the other item: both are searched again.
    await db.update(executions).set({ campaignItemId: items[1]!.id }).where(eq(executions.id, older.id));
    expect((await latestOf(items[0]!.id)).id).toBe(latest.id);
    expect((await latestOf(items[1]!.id)).id).toBe(older.id);
    expect(await drifted()).toEqual([]);
  });

  test('deletes: the one before takes over, none left clears; deleting the item or its campaign takes its runs along', async () => {
    const { campaign, items, run } = await setUp(2);
    const db = getDb();
    const first = await run(0, { status: 'passed', startedAt: at(0) });
    const second = await run(0, { status: 'failed', startedAt: at(1) });
    await run(1, { status: 'passed', startedAt: at(2) });

    await db.delete(executions).where(eq(executions.id, second.id));
    expect(await latestOf(items[0]!.id)).toMatchObject({ id: first.id, status: 'passed' });
    await db.delete(executions).where(eq(executions.id, first.id));
    expect(await latestOf(items[0]!.id)).toEqual({ id: null, status: null, finishedAt: null });

    await run(0, { status: 'passed', startedAt: at(3) });
    await db.delete(campaignItems).where(eq(campaignItems.id, items[0]!.id));
    expect(await drifted()).toEqual([]);
    await db.delete(campaigns).where(eq(campaigns.id, campaign.id));
    expect(await queryRows(sql`select 1 from campaign_items where campaign_id = ${campaign.id}`)).toEqual([]);
    expect(await drifted()).toEqual([]);
  });

  test('multi-row statements: one insert, update or delete over several items and runs', async () => {
    const { project, campaign, testCases, items, run } = await setUp(3);
    const db = getDb();
    const base = await run(0, { status: 'passed', startedAt: at(0) });
    const rows = [0, 0, 1, 2, 2, 2].map((i, n) => ({
      projectId: project.id,
      campaignId: campaign.id,
      campaignItemId: items[i]!.id,
      testCaseId: testCases[i]!.id,
      testCaseVersion: 1,
      steps: [],
      stepResults: [],
      status: 'in_progress' as const,
      campaignName: 'Recette VABF lot 1',
      startedAt: at(10 + ((n * 7) % 5)),
    }));
    const inserted = await db.insert(executions).values(rows).returning({ id: executions.id });
    expect(await drifted()).toEqual([]);

    await db
      .update(executions)
      .set({ status: 'blocked', derivedStatus: 'blocked', finishedAt: at(30) })
      .where(inArray(executions.id, inserted.map((r) => r.id)));
    expect(await drifted()).toEqual([]);
    expect((await latestOf(items[2]!.id)).status).toBe('blocked');

    await db.update(executions).set({ startedAt: sql`${executions.startedAt} - interval '1 hour'` }).where(eq(executions.campaignId, campaign.id));
    expect(await drifted()).toEqual([]);

    await db.delete(executions).where(inArray(executions.id, [base.id, ...inserted.slice(2).map((r) => r.id)]));
    expect(await drifted()).toEqual([]);
    expect((await latestOf(items[1]!.id)).id).toBeNull();
    expect((await latestOf(items[0]!.id)).status).toBe('blocked');
  });

  // Only PostgreSQL runs two transactions at once (PGlite has one connection). Transaction A runs earlier (its start
  // is earlier) but writes after B, while B has not committed: A's search cannot see B's run unless A waits for B
  // and searches again afterwards, which the lock on the item gives.
  test.runIf(template.kind === 'postgres')('two transactions running the same item at once: the later start wins, whichever commits last', async () => {
    const { items, run } = await setUp(1);
    const db = getDb();
    const signal = () => {
      let fire!: () => void;
      const fired = new Promise<void>((resolve) => (fire = resolve));
      return { fire, fired };
    };
    const aBegan = signal();
    const bWrote = signal();
    const bMayCommit = signal();

    const a = db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      aBegan.fire();
      await bWrote.fired;
      return run(0, { status: 'failed', startedAt: at(0) }, tx);
    });
    const b = db.transaction(async (tx) => {
      await aBegan.fired;
      const row = await run(0, { status: 'passed', startedAt: at(1) }, tx);
      bWrote.fire();
      await bMayCommit.fired;
      return row;
    });
    // B commits only once A waits on the item B holds.
    for (let tries = 0; ; tries += 1) {
      const [waiting] = await queryRows<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (waiting!.n > 0) break;
      if (tries > 200) throw new Error('transaction A never waited for B');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    bMayCommit.fire();
    const [, later] = await Promise.all([a, b]);

    expect((await latestOf(items[0]!.id)).id).toBe(later.id);
    expect(await drifted()).toEqual([]);
  });
});
