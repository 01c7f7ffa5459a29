import { describe, expect, test } from 'vitest';
import { SPECIFICATION_CATEGORIES, SPECIFICATION_STATUSES } from '@/lib/specifications/model';
import { LARGE_PROJECT_SHAPE, planLargeProject } from './plan';
import { createRandom } from './random';

const plan = planLargeProject(createRandom(42), LARGE_PROJECT_SHAPE, 'charge.test');

describe('the large project plan', () => {
  test('is the same for the same seed and differs for another', () => {
    // A smaller shape for the deep comparison: the whole plan holds 20,000 executions.
    const shape = { ...LARGE_PROJECT_SHAPE, chapters: 4, sections: 3, subsections: 3, requirements: 200, specifications: 400, links: 600, testCases: 600, campaignItems: 300, executions: 2000, anomalies: 100 };
    expect(planLargeProject(createRandom(42), shape, 'charge.test')).toEqual(planLargeProject(createRandom(42), shape, 'charge.test'));
    const other = planLargeProject(createRandom(7), shape, 'charge.test');
    expect(other.requirements[0]!.id).not.toBe(plan.requirements[0]!.id);
  }, 20_000);

  test('2,000 requirements in a 4-level tree whose parents exist and sit one level up', () => {
    expect(plan.requirements).toHaveLength(2000);
    const byId = new Map(plan.requirements.map((r) => [r.id, r]));
    expect(byId.size).toBe(2000);
    const levels = plan.requirements.map((r) => r.level);
    expect(new Set(levels)).toEqual(new Set([1, 2, 3, 4]));
    for (const r of plan.requirements) {
      if (r.level === 1) expect(r.fields.parentId).toBeNull();
      else expect(byId.get(r.fields.parentId!)?.level).toBe(r.level - 1);
    }
    expect(plan.requirements.map((r) => r.number)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
  });

  test('every version of every item has its history snapshot, the last one being the current fields', () => {
    // One assertion over the 6,000 items (thousands of expect calls were slow enough to time out on a busy machine).
    const wrong = [...plan.requirements, ...plan.specifications].filter(
      (item) => item.history.length !== item.version || item.history.at(-1)!.fields !== item.fields,
    );
    expect(wrong.map((item) => item.id)).toEqual([]);
  });

  test('4,000 specifications covering every category and status', () => {
    expect(plan.specifications).toHaveLength(4000);
    for (const category of SPECIFICATION_CATEGORIES)
      for (const status of SPECIFICATION_STATUSES)
        expect(plan.specifications.some((s) => s.fields.category === category && s.fields.status === status)).toBe(true);
  });

  test('6,000 distinct links, 5 % suspect: reviewed below the requirement version exactly when suspect', () => {
    expect(plan.links).toHaveLength(6000);
    expect(new Set(plan.links.map((l) => `${l.requirementId}:${l.specificationId}`)).size).toBe(6000);
    const versionOf = new Map(plan.requirements.map((r) => [r.id, r.version]));
    const suspect = plan.links.filter((l) => l.reviewedVersion < versionOf.get(l.requirementId)!);
    expect(suspect).toHaveLength(300);
    expect(plan.links.filter((l) => l.suspect)).toEqual(suspect);
    for (const link of plan.links) expect(link.reviewedVersion).toBeGreaterThanOrEqual(1);
  });

  test('leaves room for gaps: some specifications answer nothing and some requirements are uncovered', () => {
    const linkedSpecs = new Set(plan.links.map((l) => l.specificationId));
    const linkedRequirements = new Set(plan.links.map((l) => l.requirementId));
    expect(plan.specifications.filter((s) => !linkedSpecs.has(s.id)).length).toBeGreaterThan(100);
    expect(plan.requirements.filter((r) => r.level === 4 && !linkedRequirements.has(r.id)).length).toBeGreaterThan(10);
  });

  test('50 members, one account per role first', () => {
    expect(plan.people).toHaveLength(50);
    expect(plan.people.slice(0, 5).map((p) => p.email)).toEqual([
      'owner@charge.test',
      'amoe@charge.test',
      'amoa@charge.test',
      'moa@charge.test',
      'viewer@charge.test',
    ]);
    expect(new Set(plan.people.map((p) => p.email)).size).toBe(50);
  });
});
