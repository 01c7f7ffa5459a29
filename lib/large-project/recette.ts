import { ANOMALY_PRIORITIES, ANOMALY_SEVERITIES, type AnomalyPriority, type AnomalySeverity, type AnomalyStatus } from '@/lib/recette/anomaly-model';
import { canTransition } from '@/lib/recette/anomaly-workflow';
import type { CampaignStatus, CampaignType, ExecutionStatus, Measurement, StepResult } from '@/lib/recette/campaign-model';
import { deriveExecutionStatus } from '@/lib/recette/execution-status';
import type { PlannedPerson, PlannedSpecification } from './planned-items';
import type { Random } from './random';
import type { PlannedTestCase, PlannedTestLink } from './test-cases';
import { sentence } from './text';

/**
 * The large project's recette, planned in memory like the rest: campaigns with their scope and assignees, the
 * executions of their items (every result, step by step, retests included) and the anomalies raised from failed
 * steps with the lifecycle events that brought them where they stand. Statuses follow the pure rules
 * (deriveExecutionStatus, canTransition), so the seeded data is data the application could have written.
 */
export interface RecetteShape {
  campaigns: number;
  /** Items per campaign (distinct test cases). */
  campaignItems: number;
  executions: number;
  anomalies: number;
}

export interface PlannedCampaign {
  id: string;
  number: number;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  environment: string;
  build: string;
  plannedStart: string;
  plannedEnd: string;
  startedAt: Date | null;
  closedAt: Date | null;
}

export interface PlannedItem {
  id: string;
  campaignId: string;
  testCaseId: string;
  plannedVersion: number;
  position: number;
  assigneeId: string;
}

export interface PlannedExecution {
  id: string;
  campaignId: string;
  itemId: string;
  testCaseId: string;
  testCaseVersion: number;
  stepResults: StepResult[];
  measurements: Measurement[];
  status: ExecutionStatus;
  executedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  /** The first failed step, for the anomaly raised from it. */
  failedStep: number | null;
}

export interface PlannedAnomalyEvent {
  kind: 'created' | 'status' | 'comment';
  fromStatus: AnomalyStatus | null;
  toStatus: AnomalyStatus | null;
  body: string;
  actorId: string;
  at: Date;
}

export interface PlannedAnomaly {
  id: string;
  number: number;
  title: string;
  severity: AnomalySeverity;
  priority: AnomalyPriority;
  status: AnomalyStatus;
  assigneeId: string | null;
  execution: PlannedExecution;
  specificationIds: string[];
  createdBy: string;
  createdAt: Date;
  events: PlannedAnomalyEvent[];
}

export interface RecettePlan {
  campaigns: PlannedCampaign[];
  items: PlannedItem[];
  executions: PlannedExecution[];
  anomalies: PlannedAnomaly[];
}

const EPOCH = Date.UTC(2026, 3, 6, 8, 0, 0);
const DAY = 86_400_000;
const TYPES: CampaignType[] = ['non_regression', 'vabf', 'vabf', 'performance', 'security', 'user_acceptance', 'vabf', 'non_regression', 'vsr', 'vabf'];

/** Campaign 1 is the running non-regression one (the runner opens it); then older closed ones, two running, one planned. */
function statusOf(number: number, count: number): CampaignStatus {
  if (number === 1) return 'in_progress';
  if (number === count) return 'planned';
  return number > count - 3 ? 'in_progress' : 'closed';
}

/**
 * Lifecycle paths the workflow allows (the AMOE analyses, fixes and hands over; a tester closes or reopens),
 * by the status they end on.
 */
const PATHS: Record<AnomalyStatus, AnomalyStatus[]> = {
  new: ['new'],
  analysis: ['new', 'analysis'],
  fixing: ['new', 'analysis', 'fixing'],
  to_retest: ['new', 'analysis', 'fixing', 'to_retest'],
  closed: ['new', 'analysis', 'fixing', 'to_retest', 'closed'],
  rejected: ['new', 'rejected'],
  reopened: ['new', 'analysis', 'fixing', 'to_retest', 'reopened'],
};
const END_STATUSES: AnomalyStatus[] = ['new', 'analysis', 'fixing', 'to_retest', 'closed', 'closed', 'closed', 'rejected', 'reopened'];

function stepResultsFor(random: Random, stepCount: number, outcome: 'passed' | 'failed' | 'blocked' | 'in_progress') {
  const stop = outcome === 'passed' ? stepCount : random.int(1, stepCount - 1);
  const results: StepResult[] = Array.from({ length: stepCount }, (_, i) => {
    if (i < stop) return { status: random.next() < 0.05 ? 'not_applicable' : 'passed', actual: '' };
    if (i === stop && outcome === 'failed') return { status: 'failed', actual: `Écart constaté : ${sentence(random)}` };
    if (i === stop && outcome === 'blocked') return { status: 'blocked', actual: 'Environnement indisponible' };
    return { status: null, actual: '' };
  });
  return { results, failedStep: outcome === 'failed' ? stop : null };
}

export function planRecette(
  random: Random,
  shape: RecetteShape,
  testCases: readonly PlannedTestCase[],
  testLinks: readonly PlannedTestLink[],
  specifications: readonly PlannedSpecification[],
  people: readonly PlannedPerson[],
): RecettePlan {
  if (shape.campaignItems > testCases.length) throw new Error('More campaign items per campaign than test cases');
  const testers = people.filter((p) => p.role !== 'viewer');
  const team = people.filter((p) => p.role === 'owner' || p.role === 'amoe');
  const campaigns: PlannedCampaign[] = Array.from({ length: shape.campaigns }, (_, i) => {
    const number = i + 1;
    const status = statusOf(number, shape.campaigns);
    const start = new Date(EPOCH + (number === 1 ? 0 : number * 14) * DAY);
    const end = new Date(start.getTime() + 10 * DAY);
    return {
      id: random.uuid(),
      number,
      name: number === 1 ? 'Non-régression continue' : `Campagne ${TYPES[i % TYPES.length]!.toUpperCase()} lot ${number}`,
      type: TYPES[i % TYPES.length]!,
      status,
      environment: random.next() < 0.7 ? 'Recette' : 'Pré-production',
      build: `v2.${number}.0`,
      plannedStart: start.toISOString().slice(0, 10),
      plannedEnd: end.toISOString().slice(0, 10),
      startedAt: status === 'planned' ? null : start,
      closedAt: status === 'closed' ? end : null,
    };
  });

  const items: PlannedItem[] = [];
  for (const [c, campaign] of campaigns.entries()) {
    // A window of consecutive test cases per campaign, shifted from one campaign to the next: distinct within a
    // campaign, overlapping across campaigns, so a test case has results in several.
    const offset = (c * 700) % testCases.length;
    for (let position = 0; position < shape.campaignItems; position += 1) {
      const testCase = testCases[(offset + position) % testCases.length]!;
      items.push({
        id: random.uuid(),
        campaignId: campaign.id,
        testCaseId: testCase.id,
        plannedVersion: testCase.version,
        position: position + 1,
        assigneeId: testers[position % testers.length]!.id,
      });
    }
  }

  const testCaseById = new Map(testCases.map((t) => [t.id, t]));
  const campaignById = new Map(campaigns.map((c) => [c.id, c]));
  const executions: PlannedExecution[] = [];
  const execute = (item: PlannedItem, outcome: 'passed' | 'failed' | 'blocked' | 'in_progress', at: Date) => {
    const testCase = testCaseById.get(item.testCaseId)!;
    const { results, failedStep } = stepResultsFor(random, testCase.fields.steps.length, outcome);
    const criteria = testCase.fields.criteria;
    // A performance run measures its criteria: within the threshold when it passes, over it when a step did not fail.
    const measurements: Measurement[] = criteria.map((criterion) => ({
      metric: criterion.metric,
      value: outcome === 'in_progress' ? null : outcome === 'passed' ? criterion.threshold * 0.8 : criterion.threshold * 0.9,
    }));
    const status = deriveExecutionStatus(results, criteria, measurements);
    const durationMs = status === 'in_progress' ? null : random.int(60_000, 1_800_000);
    const execution: PlannedExecution = {
      id: random.uuid(),
      campaignId: item.campaignId,
      itemId: item.id,
      testCaseId: item.testCaseId,
      testCaseVersion: item.plannedVersion,
      stepResults: results,
      measurements,
      status,
      executedBy: item.assigneeId,
      startedAt: at,
      finishedAt: durationMs === null ? null : new Date(at.getTime() + durationMs),
      durationMs,
      failedStep,
    };
    executions.push(execution);
    return execution;
  };
  const outcome = () => {
    const roll = random.next();
    return roll < 0.75 ? 'passed' : roll < 0.9 ? 'failed' : roll < 0.97 ? 'blocked' : 'in_progress';
  };

  // First runs: every item of a closed campaign, most of a running one, none of a planned one.
  const firstRuns: PlannedExecution[] = [];
  for (const [index, item] of items.entries()) {
    const campaign = campaignById.get(item.campaignId)!;
    if (executions.length >= shape.executions) break;
    if (campaign.status === 'planned' || (campaign.status === 'in_progress' && random.next() < 0.3)) continue;
    const at = new Date(campaign.startedAt!.getTime() + (index % shape.campaignItems) * 3 * 60_000);
    // A closed campaign has a result for every item it ran.
    const drawn = outcome();
    firstRuns.push(execute(item, campaign.status === 'closed' && drawn === 'in_progress' ? 'passed' : drawn, at));
  }
  // Retests of what failed or was blocked, until the execution count is reached: most pass the second time.
  const retestable = firstRuns.filter((e) => e.status === 'failed' || e.status === 'blocked');
  const itemById = new Map(items.map((it) => [it.id, it]));
  for (let i = 0; executions.length < shape.executions && retestable.length > 0; i += 1) {
    const previous = retestable[i % retestable.length]!;
    const item = itemById.get(previous.itemId)!;
    const at = new Date(previous.startedAt.getTime() + (1 + Math.floor(i / retestable.length)) * DAY);
    execute(item, random.next() < 0.7 ? 'passed' : 'failed', at);
  }

  const specificationsOf = new Map<string, string[]>();
  const specificationIds = new Set(specifications.map((s) => s.id));
  for (const link of testLinks) {
    if (link.kind !== 'specification_test_case' || !specificationIds.has(link.upstreamId)) continue;
    specificationsOf.set(link.testCaseId, [...(specificationsOf.get(link.testCaseId) ?? []), link.upstreamId]);
  }
  const failed = executions.filter((e) => e.failedStep !== null);
  if (shape.anomalies > 0 && failed.length === 0) throw new Error('No failed execution to raise anomalies from');
  const anomalies: PlannedAnomaly[] = Array.from({ length: shape.anomalies }, (_, i) => {
    const execution = failed[i % failed.length]!;
    const status = END_STATUSES[i % END_STATUSES.length]!;
    const path = PATHS[status];
    const raisedBy = execution.executedBy;
    const handler = team[i % team.length]!;
    const createdAt = new Date((execution.finishedAt ?? execution.startedAt).getTime() + 5 * 60_000);
    const events: PlannedAnomalyEvent[] = [{ kind: 'created', fromStatus: null, toStatus: 'new', body: '', actorId: raisedBy, at: createdAt }];
    for (let step = 1; step < path.length; step += 1) {
      const to = path[step]!;
      const from = path[step - 1]!;
      const actor = to === 'closed' || to === 'reopened' ? people.find((p) => p.id === raisedBy)! : handler;
      if (!canTransition(actor.role, from, to)) throw new Error(`Planned transition ${from} → ${to} not allowed for ${actor.role}`);
      events.push({
        kind: 'status',
        fromStatus: from,
        toStatus: to,
        body: to === 'rejected' ? 'Comportement conforme à la spécification.' : to === 'reopened' ? 'Le défaut se reproduit au retest.' : '',
        actorId: actor.id,
        at: new Date(createdAt.getTime() + step * DAY),
      });
    }
    if (i % 4 === 0) events.push({ kind: 'comment', fromStatus: null, toStatus: null, body: sentence(random), actorId: handler.id, at: new Date(createdAt.getTime() + 3600_000) });
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    const testCase = testCaseById.get(execution.testCaseId)!;
    return {
      id: random.uuid(),
      number: i + 1,
      title: `${testCase.fields.title} : écart à l’étape ${execution.failedStep! + 1}`,
      severity: ANOMALY_SEVERITIES[i % ANOMALY_SEVERITIES.length]!,
      priority: random.pick(ANOMALY_PRIORITIES),
      status,
      assigneeId: status === 'new' ? null : handler.id,
      execution,
      specificationIds: (specificationsOf.get(execution.testCaseId) ?? []).slice(0, 1),
      createdBy: raisedBy,
      createdAt,
      events,
    };
  });

  return { campaigns, items, executions, anomalies };
}
