import { describe, expect, test } from 'vitest';
import { anomalyPrefill } from './anomaly-prefill';

const execution = {
  testCaseTitle: 'Calcul du net',
  steps: [
    { action: 'Ouvrir le bulletin', expected: 'Le bulletin s’affiche' },
    { action: 'Lire le net', expected: 'Le net vaut 2 345,67 €' },
    { action: 'Imprimer', expected: 'Le PDF sort' },
  ],
  stepResults: [
    { status: 'passed' as const, actual: '' },
    { status: 'failed' as const, actual: 'Le net vaut 2 300,00 €' },
    { status: null, actual: '' },
  ],
};

describe('anomaly prefill from a failed step', () => {
  test('steps up to and including the failed one, its expected and actual results', () => {
    expect(anomalyPrefill(execution, 1)).toEqual({
      testCaseTitle: 'Calcul du net',
      stepNumber: 2,
      stepsToReproduce: '1. Ouvrir le bulletin\n2. Lire le net',
      expectedResult: 'Le net vaut 2 345,67 €',
      actualResult: 'Le net vaut 2 300,00 €',
    });
  });

  test('the first step alone; a step without a recorded result has an empty actual result', () => {
    expect(anomalyPrefill(execution, 0)).toMatchObject({ stepNumber: 1, stepsToReproduce: '1. Ouvrir le bulletin', actualResult: '' });
    expect(anomalyPrefill({ ...execution, stepResults: [] }, 2)).toMatchObject({ stepNumber: 3, actualResult: '' });
  });

  test('no such step: null', () => {
    expect(anomalyPrefill(execution, 3)).toBeNull();
    expect(anomalyPrefill(execution, -1)).toBeNull();
    expect(anomalyPrefill(execution, 1.5)).toBeNull();
  });
});
