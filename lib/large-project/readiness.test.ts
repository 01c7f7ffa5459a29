import { describe, expect, test } from 'vitest';
import { CHECKLIST_TEMPLATE } from '@/lib/signoff/readiness-model';
import { LARGE_PROJECT_SHAPE, planLargeProject } from './plan';
import { createRandom } from './random';

const shape = { ...LARGE_PROJECT_SHAPE, chapters: 4, sections: 3, subsections: 3, requirements: 200, specifications: 400, links: 600, testCases: 600, campaignItems: 300, executions: 2000, anomalies: 100 };

describe('the large project release', () => {
  const plan = planLargeProject(createRandom(42), shape, 'charge.test');

  test('groups every campaign but the planned one, running ones included', () => {
    const expected = plan.recette.campaigns.filter((c) => c.status !== 'planned').map((c) => c.id);
    expect(plan.release.campaignIds).toEqual(expected);
    expect(plan.recette.campaigns.filter((c) => plan.release.campaignIds.includes(c.id)).map((c) => c.status)).toEqual(
      expect.arrayContaining(['closed', 'in_progress']),
    );
  });

  test('has the default checklist, each item owned by the AMOE team', () => {
    const team = new Set(plan.people.filter((p) => p.role === 'owner' || p.role === 'amoe').map((p) => p.id));
    expect(plan.release.checklist.map((i) => i.template)).toEqual([...CHECKLIST_TEMPLATE]);
    expect(plan.release.checklist.every((i) => team.has(i.ownerId))).toBe(true);
  });

  test('is the same for the same seed', () => {
    expect(planLargeProject(createRandom(42), shape, 'charge.test').release).toEqual(plan.release);
  });
});
