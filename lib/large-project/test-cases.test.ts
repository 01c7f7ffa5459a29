import { describe, expect, test } from 'vitest';
import { canTransition } from '@/lib/recette/anomaly-workflow';
import { deriveExecutionStatus } from '@/lib/recette/execution-status';
import { LARGE_PROJECT_SHAPE, planLargeProject } from './plan';
import { createRandom } from './random';
import { MAX_STEPS, MIN_STEPS } from './test-cases';

const plan = planLargeProject(createRandom(42), LARGE_PROJECT_SHAPE, 'charge.test');

describe('the large project test cases', () => {
  test('8,000 test cases numbered in order, each with 5 to 15 steps and its whole history', () => {
    expect(plan.testCases).toHaveLength(8000);
    expect(plan.testCases.map((t) => t.number)).toEqual(Array.from({ length: 8000 }, (_, i) => i + 1));
    const steps = plan.testCases.map((t) => t.fields.steps.length);
    expect(Math.min(...steps)).toBe(MIN_STEPS);
    expect(Math.max(...steps)).toBe(MAX_STEPS);
    expect(plan.testCases.filter((t) => t.history.length !== t.version || t.history.at(-1)!.fields !== t.fields)).toEqual([]);
    expect(plan.testCases.filter((t) => t.fields.type === 'performance' && t.fields.criteria.length === 0)).toEqual([]);
  });

  test('every test case verifies a specification; links point at planned items, each pair once, reviewed at or below the upstream version', () => {
    const upstream = new Map([...plan.requirements, ...plan.specifications].map((i) => [i.id, i]));
    const specIds = new Set(plan.specifications.map((s) => s.id));
    const pairs = new Set(plan.testLinks.map((l) => `${l.upstreamId}:${l.testCaseId}`));
    expect(pairs.size).toBe(plan.testLinks.length);
    const tested = new Set(plan.testLinks.filter((l) => specIds.has(l.upstreamId)).map((l) => l.testCaseId));
    expect(tested.size).toBe(8000);
    const wrong = plan.testLinks.filter(
      (l) => (l.kind === 'specification_test_case') !== specIds.has(l.upstreamId) || l.suspect !== l.reviewedVersion < upstream.get(l.upstreamId)!.version,
    );
    expect(wrong).toEqual([]);
    expect(plan.testLinks.some((l) => l.suspect)).toBe(true);
    expect(plan.testLinks.some((l) => l.kind === 'requirement_test_case')).toBe(true);
  });
});

describe('the large project recette', () => {
  const { campaigns, items, executions, anomalies } = plan.recette;

  test('10 campaigns of 2,000 distinct test cases, campaign 1 running; 20,000 executions of every result', () => {
    expect(campaigns).toHaveLength(10);
    expect(campaigns[0]!.status).toBe('in_progress');
    expect(new Set(campaigns.map((c) => c.status))).toEqual(new Set(['planned', 'in_progress', 'closed']));
    expect(items).toHaveLength(20_000);
    for (const c of campaigns) expect(new Set(items.filter((i) => i.campaignId === c.id).map((i) => i.testCaseId)).size).toBe(2000);
    expect(executions).toHaveLength(20_000);
    expect(new Set(executions.map((e) => e.status))).toEqual(new Set(['passed', 'failed', 'blocked', 'in_progress']));
  });

  test('each execution status is what its step results and measurements derive', () => {
    const criteria = new Map(plan.testCases.map((t) => [t.id, t.fields.criteria]));
    expect(executions.filter((e) => deriveExecutionStatus(e.stepResults, criteria.get(e.testCaseId), e.measurements) !== e.status)).toEqual([]);
    const planned = new Set(campaigns.filter((c) => c.status === 'planned').map((c) => c.id));
    expect(executions.some((e) => planned.has(e.campaignId))).toBe(false);
  });

  test('2,000 anomalies raised from failed steps, every severity and status, reached by allowed transitions', () => {
    expect(anomalies).toHaveLength(2000);
    expect(new Set(anomalies.map((a) => a.severity))).toEqual(new Set(['blocking', 'major', 'minor']));
    expect(new Set(anomalies.map((a) => a.status)).size).toBe(7);
    const role = new Map(plan.people.map((p) => [p.id, p.role]));
    for (const a of anomalies) {
      expect(a.execution.status).toBe('failed');
      expect(a.execution.stepResults[a.execution.failedStep!]!.status).toBe('failed');
      const moves = a.events.filter((e) => e.kind === 'status');
      expect(moves.at(-1)?.toStatus ?? 'new').toBe(a.status);
      for (const m of moves) expect(canTransition(role.get(m.actorId)!, m.fromStatus!, m.toStatus!)).toBe(true);
    }
  });
});
