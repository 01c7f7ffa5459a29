import type { StepResult } from './campaign-model';
import type { TestStep } from './model';

export interface AnomalyPrefill {
  /** The suggested title's parts; the page words it in the reader's language ("Échec : … — étape n"). */
  testCaseTitle: string;
  stepNumber: number;
  stepsToReproduce: string;
  expectedResult: string;
  actualResult: string;
}

/**
 * What an anomaly raised from a failed step starts with: the test case's steps up to and including that step as
 * the steps to reproduce, the step's expected result, and what the tester wrote as its actual result.
 * Null when the execution has no such step (a hand-edited address).
 */
export function anomalyPrefill(
  execution: { testCaseTitle: string; steps: TestStep[]; stepResults: StepResult[] },
  stepIndex: number,
): AnomalyPrefill | null {
  if (!Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex >= execution.steps.length) return null;
  const step = execution.steps[stepIndex]!;
  return {
    testCaseTitle: execution.testCaseTitle,
    stepNumber: stepIndex + 1,
    stepsToReproduce: execution.steps
      .slice(0, stepIndex + 1)
      .map((s, i) => `${i + 1}. ${s.action}`)
      .join('\n'),
    expectedResult: step.expected,
    actualResult: execution.stepResults[stepIndex]?.actual ?? '',
  };
}
