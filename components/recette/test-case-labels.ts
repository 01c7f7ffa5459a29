import { TEST_CASE_CONTENT_FIELDS, type PerformanceCriterion, type TestStep } from '@/lib/recette/model';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Field names as readers know them, for forms, conflicts and the history's redline. */
export function testCaseFieldLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(TEST_CASE_CONTENT_FIELDS.map((field) => [field, t(`fields.${field}`)]));
}

/** Steps as numbered text, so the redline shows a changed, added or moved step in words. */
export function stepsText(steps: readonly TestStep[], t: Translate): string {
  return steps.map((s, i) => `${t('steps.number', { n: i + 1 })} — ${s.action}\n  → ${s.expected}`).join('\n');
}

export function criterionText(c: PerformanceCriterion, t: Translate): string {
  return t('detail.criterion', { metric: c.metric, direction: t(`directions.${c.direction}`), threshold: c.threshold, unit: c.unit }).trim();
}

/** A stored snapshot as readable text per field (codes as words, lists as lines). */
export function readableSnapshot(snapshot: Record<string, unknown>, t: Translate): Record<string, string> {
  const steps = Array.isArray(snapshot.steps) ? (snapshot.steps as TestStep[]) : [];
  const criteria = Array.isArray(snapshot.criteria) ? (snapshot.criteria as PerformanceCriterion[]) : [];
  const word = (group: string, code: unknown) => (typeof code === 'string' ? t(`${group}.${code}`) : '');
  return {
    title: String(snapshot.title ?? ''),
    objective: String(snapshot.objective ?? ''),
    preconditions: String(snapshot.preconditions ?? ''),
    testData: String(snapshot.testData ?? ''),
    steps: stepsText(steps, t),
    type: word('types', snapshot.type),
    priority: word('priorities', snapshot.priority),
    folder: String(snapshot.folder ?? ''),
    tags: Array.isArray(snapshot.tags) ? snapshot.tags.join(', ') : '',
    automated: snapshot.automated ? t('fields.automated') : t('detail.manual'),
    automationKey: String(snapshot.automationKey ?? ''),
    criteria: criteria.map((c) => criterionText(c, t)).join('\n'),
  };
}
