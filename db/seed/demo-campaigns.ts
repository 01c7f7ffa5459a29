import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import {
  anomalies,
  anomalyEvents,
  anomalyExecutions,
  anomalySpecifications,
  campaignItems,
  campaigns,
  executions,
  refCounters,
  specifications,
  specificationVersions,
  testCases,
  traceLinks,
} from '@/db/schema';
import type { AnomalyStatus } from '@/lib/recette/anomaly-model';
import { canTransition, transitionNeedsReason } from '@/lib/recette/anomaly-workflow';
import { deriveExecutionStatus } from '@/lib/recette/execution-status';
import { REF_PREFIXES } from '@/lib/traceability/refs';
import { DEMO_ANOMALIES, DEMO_RECETTE_CAMPAIGNS, DEMO_REVISED_SPECIFICATION, type DemoActor, type DemoCampaign } from './demo-campaigns-data';
import { DEMO_SPECIFICATIONS } from './demo-traceability-data';

/** The counter db/queries/refs.ts and the campaign actions number campaigns with. */
export const CAMPAIGN_COUNTER = 'CAMPAGNE';

/**
 * Moves a project's counter to at least `lastNumber`, so numbers the seed wrote itself are never handed out again
 * by the actions (which take theirs from the same counter).
 */
export async function coverRefNumbers(tx: Transaction, projectId: string, prefix: string, lastNumber: number) {
  await tx
    .insert(refCounters)
    .values({ projectId, prefix, lastNumber })
    .onConflictDoUpdate({
      target: [refCounters.projectId, refCounters.prefix],
      set: { lastNumber: sql`greatest(${refCounters.lastNumber}, ${lastNumber})` },
    });
}

/** The next number of a counter, as db/queries/refs.ts nextRefNumber gives it (that module is server-only). */
async function takeRefNumber(tx: Transaction, projectId: string, prefix: string): Promise<number> {
  const [row] = await tx
    .insert(refCounters)
    .values({ projectId, prefix, lastNumber: 1 })
    .onConflictDoUpdate({ target: [refCounters.projectId, refCounters.prefix], set: { lastNumber: sql`${refCounters.lastNumber} + 1` } })
    .returning({ lastNumber: refCounters.lastNumber });
  return row!.lastNumber;
}

const HOUR = 3_600_000;

/** `day` days before `now`, at `hour` o'clock UTC. */
function at(now: Date, day: number, hour: number): Date {
  const d = new Date(now.getTime() - day * 24 * HOUR);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}

type People = Record<DemoActor, string>;

interface SeededRun {
  id: string;
  stepCount: number;
}

/**
 * Demo campaigns 3 and 4 (after demo-runner.ts's two planned ones), their runs, the anomalies raised from them and
 * by hand, and one test case made suspect by a revised specification. Runs are written as the runner leaves them:
 * steps and criteria snapshotted from the test case, the status derived from the answers, the campaign's names.
 * Anomaly statuses follow the workflow from "nouvelle", each move recorded in the anomaly's history; the seed
 * refuses data the workflow would not allow, so the demo never shows a history the application could not make.
 */
export async function seedDemoCampaigns(
  tx: Transaction,
  projectId: string,
  people: People,
  now = new Date(),
): Promise<{ recetteCampaigns: number; executions: number; anomalies: number }> {
  const cases = await tx
    .select({ id: testCases.id, number: testCases.number, version: testCases.version, steps: testCases.steps, criteria: testCases.criteria })
    .from(testCases)
    .where(eq(testCases.projectId, projectId));
  const caseOf = new Map(cases.map((c) => [c.number, c]));

  const runsOf = new Map<string, SeededRun[]>();
  const campaignOf = new Map<string, { id: string; environment: string; build: string }>();
  let runCount = 0;
  for (const c of DEMO_RECETTE_CAMPAIGNS) {
    const created = await seedCampaign(tx, projectId, people, now, c, caseOf);
    campaignOf.set(c.key, { id: created.id, environment: c.environment, build: c.build });
    for (const [testCase, runs] of created.runs) runsOf.set(`${c.key}/${testCase}`, runs);
    runCount += [...created.runs.values()].reduce((n, r) => n + r.length, 0);
  }

  // The specifications each test case verifies, for the anomalies raised on it (as raiseAnomaly links them).
  const specLinks = await tx
    .select({ testCaseId: traceLinks.downstreamId, specificationId: traceLinks.upstreamId })
    .from(traceLinks)
    .where(and(eq(traceLinks.projectId, projectId), eq(traceLinks.kind, 'specification_test_case')));

  for (const a of DEMO_ANOMALIES) {
    const origin = a.from ? runsOf.get(`${a.from.campaign}/${a.from.testCase}`)?.[a.from.run] : undefined;
    if (a.from && (!origin || a.from.step >= origin.stepCount)) throw new Error(`demo anomaly "${a.title}": no such run or step`);
    const campaign = a.from ? campaignOf.get(a.from.campaign)! : null;
    const testCaseNumber = a.from?.testCase ?? a.byHand?.testCase;
    const testCaseId = testCaseNumber ? caseOf.get(testCaseNumber)!.id : null;
    const createdAt = at(now, a.day, a.hour);
    const last = a.moves.at(-1);
    const number = await takeRefNumber(tx, projectId, REF_PREFIXES.anomaly);
    const [row] = await tx
      .insert(anomalies)
      .values({
        projectId,
        number,
        title: a.title,
        stepsToReproduce: a.stepsToReproduce,
        expectedResult: a.expectedResult,
        actualResult: a.actualResult,
        severity: a.severity,
        priority: a.priority,
        status: last?.to ?? 'new',
        assigneeId: a.assignee ? people[a.assignee] : null,
        fixVersion: a.fixVersion ?? '',
        environment: campaign?.environment ?? a.byHand!.environment,
        build: campaign?.build ?? a.byHand!.build,
        campaignId: campaign?.id ?? null,
        testCaseId,
        executionId: origin?.id ?? null,
        stepIndex: a.from?.step ?? null,
        // Creation, then one revision per status move (and per comment-free edit: none here), like the actions.
        revision: 1 + a.moves.length,
        createdBy: people[a.raisedBy],
        createdAt,
        updatedAt: last ? at(now, last.day, last.hour) : createdAt,
      })
      .returning({ id: anomalies.id });
    const anomalyId = row!.id;

    let status: AnomalyStatus = 'new';
    const events: (typeof anomalyEvents.$inferInsert)[] = [{ anomalyId, kind: 'created', toStatus: 'new', actorId: people[a.raisedBy], at: createdAt }];
    const linked = origin ? [{ executionId: origin.id, linkedAt: createdAt }] : [];
    for (const move of a.moves) {
      // Each demo actor is the demo account of that role: the workflow's own rule decides what it may move.
      if (!canTransition(move.by, status, move.to)) throw new Error(`demo anomaly "${a.title}": ${status} → ${move.to} by ${move.by}`);
      if (transitionNeedsReason(move.to) && !move.reason?.trim()) throw new Error(`demo anomaly "${a.title}": ${move.to} needs a reason`);
      events.push({ anomalyId, kind: 'status', fromStatus: status, toStatus: move.to, body: move.reason ?? '', actorId: people[move.by], at: at(now, move.day, move.hour) });
      if (move.retest !== undefined) {
        const retest = runsOf.get(`${a.from!.campaign}/${a.from!.testCase}`)?.[move.retest];
        if (!retest) throw new Error(`demo anomaly "${a.title}": no retest run ${move.retest}`);
        linked.push({ executionId: retest.id, linkedAt: at(now, move.day, move.hour) });
      }
      status = move.to;
    }
    for (const c of a.comments ?? []) events.push({ anomalyId, kind: 'comment', body: c.body, actorId: people[c.by], at: at(now, c.day, c.hour) });
    await tx.insert(anomalyEvents).values(events);
    if (linked.length) await tx.insert(anomalyExecutions).values(linked.map((link) => ({ anomalyId, ...link })));
    const specIds = specLinks.filter((l) => l.testCaseId === testCaseId).map((l) => l.specificationId);
    if (specIds.length) await tx.insert(anomalySpecifications).values([...new Set(specIds)].map((specificationId) => ({ anomalyId, specificationId })));
  }

  await reviseSpecification(tx, projectId, people.amoe, now);
  return { recetteCampaigns: DEMO_RECETTE_CAMPAIGNS.length, executions: runCount, anomalies: DEMO_ANOMALIES.length };
}

async function seedCampaign(
  tx: Transaction,
  projectId: string,
  people: People,
  now: Date,
  c: DemoCampaign,
  caseOf: Map<number, { id: string; version: number; steps: { action: string; expected: string }[]; criteria: { metric: string; unit: string; threshold: number; direction: 'at_most' | 'at_least' }[] }>,
) {
  const number = await takeRefNumber(tx, projectId, CAMPAIGN_COUNTER);
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      projectId,
      number,
      name: c.name,
      type: c.type,
      status: c.status,
      environment: c.environment,
      build: c.build,
      description: c.description,
      startedAt: at(now, c.startedDay, 8),
      closedAt: c.closedDay === undefined ? null : at(now, c.closedDay, 17),
      closedBy: c.closedDay === undefined ? null : people.amoe,
      // Created, started, and (for the closed one) closed: each an accepted change of the campaign.
      revision: c.closedDay === undefined ? 2 : 3,
      createdBy: people.amoe,
      createdAt: at(now, c.startedDay + 3, 10),
      updatedAt: at(now, c.closedDay ?? c.startedDay, 17),
    })
    .returning({ id: campaigns.id });

  const items = await tx
    .insert(campaignItems)
    .values(
      c.items.map((item, position) => ({
        projectId,
        campaignId: campaign!.id,
        testCaseId: caseOf.get(item.testCase)!.id,
        plannedVersion: caseOf.get(item.testCase)!.version,
        position,
        assigneeId: people[item.tester],
        notRunReason: item.notRunReason ?? null,
        revision: item.notRunReason ? 2 : 1,
        addedBy: people.amoe,
        addedAt: at(now, c.startedDay + 3, 11),
      })),
    )
    .returning({ id: campaignItems.id, testCaseId: campaignItems.testCaseId });

  const runs = new Map<number, SeededRun[]>();
  const rows: (typeof executions.$inferInsert)[] = [];
  for (const item of c.items) {
    const testCase = caseOf.get(item.testCase)!;
    const itemId = items.find((i) => i.testCaseId === testCase.id)!.id;
    for (const run of item.runs) {
      if (run.steps.length !== testCase.steps.length) throw new Error(`demo run of CT-${item.testCase}: ${run.steps.length} results for ${testCase.steps.length} steps`);
      const stepResults = run.steps.map(([status, actual]) => ({ status, actual }));
      const measurements = testCase.criteria.map((k) => ({ metric: k.metric, value: run.measurements?.[k.metric] ?? null }));
      const status = deriveExecutionStatus(stepResults, testCase.criteria, measurements);
      const finished = run.minutes !== undefined;
      if (finished === (status === 'in_progress')) throw new Error(`demo run of CT-${item.testCase}: ${finished ? 'finished' : 'running'} but ${status}`);
      const startedAt = at(now, run.day, run.hour);
      rows.push({
        projectId,
        campaignId: campaign!.id,
        campaignItemId: itemId,
        testCaseId: testCase.id,
        testCaseVersion: testCase.version,
        steps: testCase.steps,
        criteria: testCase.criteria,
        stepResults,
        measurements,
        derivedStatus: status,
        status,
        comment: run.comment ?? '',
        campaignName: c.name,
        environment: c.environment,
        build: c.build,
        executedBy: people[item.tester],
        startedAt,
        finishedAt: finished ? new Date(startedAt.getTime() + run.minutes! * 60_000) : null,
        durationMs: finished ? run.minutes! * 60_000 : null,
        // Started, one change per answered step (and the measurements), then finished.
        revision: 1 + stepResults.filter((r) => r.status !== null).length + (testCase.criteria.length ? 1 : 0) + (finished ? 1 : 0),
      });
      runs.set(item.testCase, [...(runs.get(item.testCase) ?? []), { id: '', stepCount: testCase.steps.length }]);
    }
  }
  const created = rows.length ? await tx.insert(executions).values(rows).returning({ id: executions.id, testCaseId: executions.testCaseId, startedAt: executions.startedAt }) : [];
  // Ids back to their runs, in the order written (each item's runs are in time order).
  for (const item of c.items) {
    const testCaseId = caseOf.get(item.testCase)!.id;
    const ids = created.filter((e) => e.testCaseId === testCaseId).sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
    runs.get(item.testCase)?.forEach((r, i) => (r.id = ids[i]!.id));
  }
  return { id: campaign!.id, runs };
}

/** A new version of one specification after its test case's link was reviewed: that test case turns suspect. */
async function reviseSpecification(tx: Transaction, projectId: string, amoe: string, now: Date) {
  const number = DEMO_SPECIFICATIONS.findIndex((s) => s.key === DEMO_REVISED_SPECIFICATION.key) + 1;
  const [spec] = await tx
    .select()
    .from(specifications)
    .where(and(eq(specifications.projectId, projectId), eq(specifications.number, number)));
  const fields = { title: spec!.title, body: DEMO_REVISED_SPECIFICATION.body, category: spec!.category, status: spec!.status };
  await tx
    .update(specifications)
    .set({ body: fields.body, version: spec!.version + 1, revision: spec!.revision + 1, updatedBy: amoe, updatedAt: at(now, 2, 15) })
    .where(eq(specifications.id, spec!.id));
  await tx.insert(specificationVersions).values({ specificationId: spec!.id, version: spec!.version + 1, snapshot: fields, changedBy: amoe, changedAt: at(now, 2, 15) });
}
