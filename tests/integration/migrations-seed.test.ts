import fs from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { getDb, type DatabaseHandle } from '@/db/client';
import { listProjectMembers } from '@/db/queries/memberships';
import { authenticateWithPassword } from '@/db/queries/sign-in';
import * as schema from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROJECT } from '@/db/seed/demo-accounts';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import { listRequirements } from '@/db/queries/requirements';
import { migrateDatabase } from '@/db/migrate';
import { type campaignReportApprovalContent } from '@/lib/signoff/campaign-report';
import { approvalSubject, inboxFor, listApprovalRequests, listReservations, loadRaci } from '@/db/queries/approvals';
import { baselineComparisonPage } from '@/db/queries/baseline-comparison';
import { listBaselines } from '@/db/queries/baselines';
import { listSignatures, signable } from '@/db/queries/signatures';
import * as campaignActions from '@/app/(app)/projects/[projectKey]/campaigns/actions';
import * as anomalyActions from '@/app/(app)/projects/[projectKey]/anomalies/actions';
import { ANOMALY_SEVERITIES, ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import { canTransition, transitionNeedsReason } from '@/lib/recette/anomaly-workflow';
import { actAs } from '../setup/actors';
import { COVERAGE_STATES } from '@/lib/traceability/coverage';
import { loose } from '../setup/server-actions';
import { countRows, queryRows, snapshotTables } from '../setup/db-state';
import { openEmptyDatabase } from '../setup/test-database';

const template = inject('passerelleDatabase');
const journal = JSON.parse(fs.readFileSync(path.resolve('db/migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };

async function rowsOf<T extends Record<string, unknown>>(handle: DatabaseHandle, query: SQL): Promise<T[]> {
  const result = (await handle.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe(`migrations on a fresh ${template.kind} database`, () => {
  let empty: Awaited<ReturnType<typeof openEmptyDatabase>>;

  beforeAll(async () => {
    empty = await openEmptyDatabase(template);
  });
  afterAll(async () => {
    await empty?.dispose();
  });

  test('apply from nothing, each migration recorded once', async () => {
    expect(await rowsOf(empty.handle, sql`select 1 from information_schema.tables where table_name = 'users'`)).toEqual([]);
    await migrateDatabase(empty.handle);
    const applied = await rowsOf<{ n: number }>(empty.handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]!.n).toBe(journal.entries.length);
  });

  test('every table and column of the Drizzle schema exists (no schema change without its migration)', async () => {
    const columns = await rowsOf<{ table_name: string; column_name: string }>(
      empty.handle,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    const present = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const tables: PgTable[] = [];
    for (const value of Object.values(schema) as unknown[]) if (value instanceof PgTable) tables.push(value);
    expect(tables.length).toBeGreaterThanOrEqual(6);
    const missing = tables.flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns.map((c) => `${config.name}.${c.name}`).filter((name) => !present.has(name));
    });
    expect(missing).toEqual([]);
  });

  test('the append-only triggers are installed', async () => {
    const triggers = await rowsOf<{ tgname: string }>(
      empty.handle,
      sql`select tgname from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal order by tgname`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual(['audit_events_no_truncate', 'audit_events_no_update_delete']);
  });

  test('running them again changes nothing', async () => {
    await migrateDatabase(empty.handle);
    const applied = await rowsOf<{ n: number }>(empty.handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]!.n).toBe(journal.entries.length);
  });

  test.runIf(template.kind === 'postgres')('two servers starting at once migrate one after the other', async () => {
    const other = await openEmptyDatabase(template);
    try {
      await Promise.all([migrateDatabase(other.handle), migrateDatabase(other.handle), migrateDatabase(other.handle)]);
      const applied = await rowsOf<{ n: number }>(other.handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(applied[0]!.n).toBe(journal.entries.length);
    } finally {
      await other.dispose();
    }
  });
});

describe('seedDemoIfEmpty', () => {
  test('seeds an empty database with one account per role and the PAIE project', async () => {
    expect(await countRows('users')).toBe(0);
    expect(await seedDemoIfEmpty(getDb())).toBe(true);

    const people = await queryRows<{ email: string; is_admin: boolean; has_password: boolean }>(
      sql`select email, is_admin, password_hash is not null as has_password from users order by email`,
    );
    expect(people).toHaveLength(5);
    expect(people.filter((p) => p.is_admin).map((p) => p.email)).toEqual([DEMO_ACCOUNTS[0]!.email]);
    expect(people.every((p) => p.has_password)).toBe(true);

    const [project] = await queryRows<{ id: string; key: string; name: string; client: string }>(
      sql`select id, key, name, client from projects`,
    );
    expect(project).toMatchObject({ key: 'PAIE', name: DEMO_PROJECT.name, client: DEMO_PROJECT.client });
    expect(await countRows('projects')).toBe(1);
    const members = await listProjectMembers(getDb(), project!.id);
    expect(Object.fromEntries(members.map((m) => [m.email, m.role]))).toEqual(
      Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.email, a.role])),
    );
    expect(new Set(members.map((m) => m.role))).toEqual(new Set(['owner', 'amoe', 'amoa', 'moa', 'viewer']));
    expect(await countRows('audit_events')).toBeGreaterThan(0);
  });

  test('the demo has test cases with steps, performance criteria, suspect ones and covered requirements', async () => {
    const [project] = await queryRows<{ id: string }>(sql`select id from projects`);
    const cases = await queryRows<{ steps: number; type: string; criteria: number }>(
      sql`select jsonb_array_length(steps) as steps, type::text, jsonb_array_length(criteria) as criteria from test_cases`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.every((c) => c.steps > 0)).toBe(true);
    expect(cases.filter((c) => c.type === 'performance' && c.criteria > 0).length).toBeGreaterThanOrEqual(3);
    const states = await queryRows<{ kind: string; direct: number; inherited: number }>(
      sql`select kind::text, (count(*) filter (where directly_suspect))::int as direct,
        (count(*) filter (where suspect and not directly_suspect))::int as inherited
        from trace_link_states where kind <> 'requirement_specification' group by kind order by kind`,
    );
    expect(states.find((s) => s.kind === 'requirement_test_case')!.direct).toBeGreaterThanOrEqual(1);
    expect(states.find((s) => s.kind === 'specification_test_case')!.inherited).toBeGreaterThanOrEqual(1);
    const coverage = (await listRequirements(getDb(), project!.id, { pageSize: 0 })).rows.map((r) => r.coverage);
    expect(new Set(coverage)).toEqual(new Set(COVERAGE_STATES));
  });

  test('the demo sign-off: a RACI, baseline 1 approved with a reservation on an open anomaly and signed by the MOA, request 2 and the closed VABF\'s report in the MOA inbox', async () => {
    const [project] = await getDb().select().from(schema.projects);
    const moa = DEMO_ACCOUNTS.find((a) => a.role === 'moa')!;
    const [moaUser] = await queryRows<{ id: string }>(sql`select id from users where email = ${moa.email}`);
    const raci = await loadRaci(getDb(), project!.id);
    expect(raci.resolve('baseline').approvers).toEqual([moaUser!.id]);
    const requests = await listApprovalRequests(getDb(), project!.id);
    expect(requests.map((r) => [r.number, r.baselineNumber, r.campaignNumber, r.status, r.signed])).toEqual([
      [3, null, 3, 'pending', 0],
      [2, 2, null, 'pending', 0],
      [1, 1, null, 'approved_with_reservations', 1],
    ]);
    const [signature] = await listSignatures(getDb(), project!.id, 'approval_request', [requests[2]!.id]);
    expect(signature).toMatchObject({ signerId: moaUser!.id, signerName: moa.name, signerRole: 'moa', meaning: 'approved_with_reservations', intact: true });
    // The signature covers exactly what the review page shows.
    expect(signature!.contentHash).toBe(signable(await approvalSubject(getDb(), project!.id, requests[2]!)).hash);
    expect((await inboxFor(getDb(), project!.id, moaUser!.id)).map((r) => r.number)).toEqual([3, 2]);
    // The closed VABF's report, frozen with its figures and anomalies, waits for the MOA too.
    const report = (await approvalSubject(getDb(), project!.id, requests[0]!)).content as ReturnType<typeof campaignReportApprovalContent>;
    expect(report.campaignReport.campaign.closedAt).not.toBeNull();
    expect(report.campaignReport.counts.total).toBeGreaterThan(0);
    expect(report.campaignReport.anomalies.length).toBeGreaterThan(0);
    const [reservation] = await listReservations(getDb(), project!.id);
    expect(reservation).toMatchObject({ status: 'open', requestNumber: 1 });
    expect(reservation!.anomalies).toHaveLength(1);
    expect(['closed', 'rejected']).not.toContain(reservation!.anomalies[0]!.status);
    // Between the two baselines, the specification revised during the recette changed.
    const [second, first] = await listBaselines(getDb(), project!.id);
    const comparison = await baselineComparisonPage(getDb(), { before: first!.id, after: second!.id, page: 1, pageSize: 20 });
    expect(comparison.counts.changed).toBeGreaterThanOrEqual(1);
  });

  test('the demo recette: a closed and a running campaign with runs of every result, anomalies of every status', async () => {
    const runs = await queryRows<{ number: number; status: string; campaign_status: string; n: number; unfinished: number }>(
      sql`select c.number, e.status::text as status, c.status::text as campaign_status, count(*)::int as n,
        (count(*) filter (where e.finished_at is null))::int as unfinished
        from executions e join campaigns c on c.id = e.campaign_id group by c.number, e.status, c.status order by c.number, status`,
    );
    // Campaigns 1 and 2 stay planned and unrun: the runner's end-to-end journey starts them.
    expect(runs.every((r) => r.number > 2)).toBe(true);
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(['passed', 'failed', 'blocked', 'in_progress']));
    expect(runs.filter((r) => r.status === 'in_progress')).toEqual([{ number: 4, status: 'in_progress', campaign_status: 'in_progress', n: 1, unfinished: 1 }]);
    expect(runs.filter((r) => r.status !== 'in_progress').every((r) => r.unfinished === 0)).toBe(true);
    const campaignRows = await queryRows<{ number: number; status: string; closed: boolean; open_items: number }>(
      sql`select c.number, c.status::text as status, c.closed_at is not null and c.closed_by is not null as closed,
        (select count(*)::int from campaign_item_states s where s.campaign_id = c.id and s.state in ('not_started', 'in_progress')) as open_items
        from campaigns c order by c.number`,
    );
    expect(campaignRows).toEqual([
      { number: 1, status: 'planned', closed: false, open_items: 2 },
      { number: 2, status: 'planned', closed: false, open_items: 2 },
      { number: 3, status: 'closed', closed: true, open_items: 0 },
      { number: 4, status: 'in_progress', closed: false, open_items: 3 },
    ]);
    // Every run's status is the one its answers lead to, and a performance run carries its measurements.
    const mismatched = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from executions where status <> derived_status or jsonb_array_length(steps) <> jsonb_array_length(step_results)`,
    );
    expect(mismatched[0]!.n).toBe(0);
    const measured = await queryRows<{ n: number }>(sql`select count(*)::int as n from executions where jsonb_array_length(measurements) > 0`);
    expect(measured[0]!.n).toBeGreaterThanOrEqual(2);
    // A retest: an item failed, then passed.
    const retested = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from campaign_item_states s where s.latest_status = 'passed'
        and exists (select 1 from executions e where e.campaign_item_id = s.id and e.status = 'failed')`,
    );
    expect(retested[0]!.n).toBeGreaterThanOrEqual(1);
    // Campaign 4 has an item waiting for its retest.
    const toRetest = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from campaign_item_states s join campaigns c on c.id = s.campaign_id where c.number = 4 and s.to_retest`,
    );
    expect(toRetest[0]!.n).toBe(1);

    const ano = await queryRows<{ number: number; status: string; severity: string; execution_id: string | null; revision: number }>(
      sql`select number, status::text as status, severity::text as severity, execution_id, revision from anomalies order by number`,
    );
    expect(ano.map((a) => a.number)).toEqual(ano.map((_, i) => i + 1));
    expect(new Set(ano.map((a) => a.status))).toEqual(new Set(ANOMALY_STATUSES));
    expect(new Set(ano.map((a) => a.severity))).toEqual(new Set(ANOMALY_SEVERITIES));
    expect(ano.filter((a) => a.execution_id === null).length).toBeGreaterThanOrEqual(2);
    // Each history replays the workflow from "nouvelle" to the anomaly's status.
    const events = await queryRows<{ number: number; kind: string; from_status: string | null; to_status: string | null; body: string; role: string }>(
      sql`select a.number, ev.kind::text as kind, ev.from_status::text as from_status, ev.to_status::text as to_status, ev.body, m.role::text as role
        from anomaly_events ev join anomalies a on a.id = ev.anomaly_id join project_members m on m.user_id = ev.actor_id and m.project_id = a.project_id
        order by a.number, ev.at, ev.id`,
    );
    for (const a of ano) {
      const own = events.filter((e) => e.number === a.number);
      expect(own[0]).toMatchObject({ kind: 'created', to_status: 'new' });
      let status = 'new';
      for (const move of own.filter((e) => e.kind === 'status')) {
        expect(move.from_status, `ANO-${a.number}`).toBe(status);
        expect(canTransition(move.role as never, status as never, move.to_status as never), `ANO-${a.number} → ${move.to_status}`).toBe(true);
        if (transitionNeedsReason(move.to_status as never)) expect(move.body).not.toBe('');
        status = move.to_status!;
      }
      expect(status, `ANO-${a.number}`).toBe(a.status);
      expect(a.revision).toBe(1 + own.filter((e) => e.kind === 'status').length);
    }
    expect(events.filter((e) => e.kind === 'comment').length).toBeGreaterThanOrEqual(2);
    // Raised from a failed step: linked to its run and to the specifications its test case verifies.
    const fromSteps = await queryRows<{ failed: boolean; linked: boolean; specs: number }>(
      sql`select (e.step_results -> a.step_index ->> 'status') = 'failed' or e.status = 'failed' as failed,
        exists (select 1 from anomaly_executions ae where ae.anomaly_id = a.id and ae.execution_id = a.execution_id) as linked,
        (select count(*)::int from anomaly_specifications s where s.anomaly_id = a.id) as specs
        from anomalies a join executions e on e.id = a.execution_id`,
    );
    expect(fromSteps.length).toBeGreaterThanOrEqual(6);
    expect(fromSteps.every((r) => r.failed && r.linked && r.specs > 0)).toBe(true);
    // A test case suspect because the specification it verifies changed after its link was reviewed.
    const specSuspect = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from trace_link_states where kind = 'specification_test_case' and directly_suspect`,
    );
    expect(specSuspect[0]!.n).toBeGreaterThanOrEqual(1);
  });

  test('right after the seed, the actions create the next campaign and raise the next anomaly', async () => {
    const [project] = await queryRows<{ id: string }>(sql`select id from projects where key = ${DEMO_PROJECT.key}`);
    const [amoe] = await queryRows<{ id: string }>(sql`select id from users where email = ${DEMO_ACCOUNTS.find((a) => a.role === 'amoe')!.email}`);
    const [last] = await queryRows<{ campaigns: number; anomalies: number }>(
      sql`select (select max(number) from campaigns where project_id = ${project!.id})::int as campaigns,
        (select max(number) from anomalies where project_id = ${project!.id})::int as anomalies`,
    );
    await actAs(amoe!.id);
    const campaign = (await loose(campaignActions.createCampaign)({
      projectKey: DEMO_PROJECT.key,
      name: 'VABF lot 2',
      type: 'vabf',
      environment: 'Recette',
      build: '1.6.0',
      description: '',
      plannedStart: '',
      plannedEnd: '',
    })) as { ok: boolean; data?: { number: number } };
    expect(campaign, JSON.stringify(campaign)).toMatchObject({ ok: true, data: { number: last!.campaigns + 1 } });
    const anomaly = (await loose(anomalyActions.raiseAnomaly)({
      projectKey: DEMO_PROJECT.key,
      title: 'Rubrique de prime absente',
      stepsToReproduce: '',
      expectedResult: '',
      actualResult: '',
      severity: 'minor',
      priority: 'low',
    })) as { ok: boolean; data?: { number: number } };
    expect(anomaly, JSON.stringify(anomaly)).toMatchObject({ ok: true, data: { number: last!.anomalies + 1 } });
    await actAs(null);
  });

  test('the demo accounts sign in with the demo password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(await authenticateWithPassword({ email: account.email, password: DEMO_PASSWORD, address: '192.0.2.200' })).not.toBeNull();
    }
  });

  test('a second call (a restart, or a database in use) does nothing', async () => {
    const before = await snapshotTables();
    expect(await seedDemoIfEmpty(getDb())).toBe(false);
    expect(await snapshotTables()).toEqual(before);
  });
});
