import { describe, expect, test } from 'vitest';
import { OPEN_ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import { LARGE_PROJECT_SHAPE, planLargeProject } from './plan';
import { createRandom } from './random';

const shape = { ...LARGE_PROJECT_SHAPE, chapters: 4, sections: 3, subsections: 3, requirements: 200, specifications: 400, links: 600, testCases: 600, campaignItems: 300, executions: 2000, anomalies: 100, baselineSpecifications: 50 };

describe('the large project sign-off', () => {
  const plan = planLargeProject(createRandom(42), shape, 'charge.test');
  const { baselines, requests, reservations, comments } = plan.signoff;

  test('two baselines of the same lot, the first at first versions, without superseded specifications', () => {
    expect(baselines.map((b) => [b.number, b.firstVersions])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(baselines[0]!.specificationIds).toHaveLength(50);
    expect(baselines[1]!.specificationIds).toEqual(baselines[0]!.specificationIds);
    const status = new Map(plan.specifications.map((s) => [s.id, s.fields.status]));
    expect(baselines[0]!.specificationIds.filter((id) => status.get(id) === 'superseded')).toEqual([]);
  });

  test('a request approved with reservations, one rejected and its renewal pending; the decided ones signed by the MOA', () => {
    expect(requests.map((r) => [r.number, r.status])).toEqual([
      [1, 'approved_with_reservations'],
      [2, 'rejected'],
      [3, 'pending'],
    ]);
    const moa = plan.people.find((p) => p.role === 'moa')!.id;
    expect(requests.map((r) => r.decision?.signerId ?? null)).toEqual([moa, moa, null]);
    expect(requests.every((r) => (r.decidedAt === null) === (r.status === 'pending'))).toBe(true);
  });

  test('reservations on the approved request, each on open anomalies of the project, none shared', () => {
    const open = new Set(plan.recette.anomalies.filter((a) => OPEN_ANOMALY_STATUSES.includes(a.status)).map((a) => a.id));
    expect(reservations.length).toBeGreaterThan(0);
    expect(reservations.every((r) => r.requestId === requests[0]!.id && r.anomalyIds.length > 0 && r.anomalyIds.every((id) => open.has(id)))).toBe(true);
    const all = reservations.flatMap((r) => r.anomalyIds);
    expect(new Set(all).size).toBe(all.length);
  });

  test('comments overall and on items of the lot', () => {
    const lot = new Set(baselines[0]!.specificationIds.map((id) => `specification:${id}`));
    expect(comments.some((c) => c.itemKey === null)).toBe(true);
    expect(comments.filter((c) => c.itemKey !== null).every((c) => lot.has(c.itemKey!))).toBe(true);
  });

  test('is the same for the same seed, and leaves the release as it was drawn before', () => {
    const again = planLargeProject(createRandom(42), shape, 'charge.test');
    expect(again.signoff).toEqual(plan.signoff);
    expect(again.release).toEqual(plan.release);
  });
});
