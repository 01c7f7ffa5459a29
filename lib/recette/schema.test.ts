import { describe, expect, test } from 'vitest';
import { normalizeFolder } from './model';
import { testCaseFieldsSchema } from './schema';

const minimal = { title: 'Calcul du net', type: 'functional' };

function errors(input: unknown): Record<string, string[]> {
  const result = testCaseFieldsSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('testCaseFieldsSchema', () => {
  test('defaults', () => {
    expect(testCaseFieldsSchema.parse(minimal)).toEqual({
      title: 'Calcul du net',
      objective: '',
      preconditions: '',
      testData: '',
      steps: [],
      type: 'functional',
      priority: 'medium',
      folder: '',
      tags: [],
      automated: false,
      automationKey: '',
      criteria: [],
    });
  });

  test('steps arrive as the JSON the step editor writes, normalized like every versioned text', () => {
    const steps = JSON.stringify([{ action: 'Ouvrir le bulletin\r\n', expected: 'Le net est affiché  ' }, { action: 'Imprimer' }]);
    expect(testCaseFieldsSchema.parse({ ...minimal, steps }).steps).toEqual([
      { action: 'Ouvrir le bulletin', expected: 'Le net est affiché' },
      { action: 'Imprimer', expected: '' },
    ]);
  });

  test('a step needs an action; broken JSON is invalid', () => {
    expect(errors({ ...minimal, steps: [{ action: ' ', expected: 'x' }] })).toEqual({ 'steps.0.action': ['required'] });
    expect(errors({ ...minimal, steps: '[{' })).toEqual({ steps: ['invalid'] });
  });

  test('criteria are kept for performance test cases only', () => {
    const criteria = [{ metric: 'Temps de réponse p95', unit: 's', threshold: '2', direction: 'at_most' }];
    expect(testCaseFieldsSchema.parse({ ...minimal, type: 'performance', criteria }).criteria).toEqual([
      { metric: 'Temps de réponse p95', unit: 's', threshold: 2, direction: 'at_most' },
    ]);
    expect(testCaseFieldsSchema.parse({ ...minimal, criteria }).criteria).toEqual([]);
    expect(errors({ ...minimal, type: 'performance', criteria: [{ metric: 'Débit', threshold: 'beaucoup', direction: 'at_least' }] })).toEqual({
      'criteria.0.threshold': ['invalid'],
    });
  });

  test('an automated test case needs its automation key; a manual one keeps none', () => {
    expect(errors({ ...minimal, automated: 'on' })).toEqual({ automationKey: ['required'] });
    expect(testCaseFieldsSchema.parse({ ...minimal, automated: 'on', automationKey: ' paie.net.calcul ' })).toMatchObject({
      automated: true,
      automationKey: 'paie.net.calcul',
    });
    expect(testCaseFieldsSchema.parse({ ...minimal, automationKey: 'x' }).automationKey).toBe('');
  });

  test('folder paths are normalized', () => {
    expect(normalizeFolder(' Paie /  Calcul  net//Bulletins ')).toBe('Paie/Calcul net/Bulletins');
    expect(testCaseFieldsSchema.parse({ ...minimal, folder: 'Paie / Net' }).folder).toBe('Paie/Net');
  });
});
