import { z } from 'zod';
import type { VersionRule } from '@/lib/versioning/save';
import { tagsInputSchema } from '@/lib/text/tags';
import { versionedLine, versionedText } from '@/lib/versioning/text';
import {
  TEST_CASE_CONTENT_FIELDS,
  TEST_CASE_PRIORITIES,
  TEST_CASE_TYPES,
  THRESHOLD_DIRECTIONS,
  normalizeFolder,
  type PerformanceCriterion,
  type TestStep,
} from './model';

/** Lists arrive from forms as one JSON field (the step editor serializes them), or as arrays from code. */
function jsonList<T extends z.ZodType>(item: T, max: number) {
  return z
    .union([z.string(), z.array(z.unknown())])
    .transform((value, ctx) => {
      if (Array.isArray(value)) return value;
      if (value.trim() === '') return [];
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'invalid' });
        return z.NEVER;
      }
    })
    .pipe(z.array(item, { message: 'invalid' }).max(max, { message: 'tooLong' }));
}

const stepSchema = z.object({
  action: versionedText(5_000).pipe(z.string().min(1, { message: 'required' })),
  expected: versionedText(5_000).default(''),
});

const criterionSchema = z.object({
  metric: versionedLine(200).pipe(z.string().min(1, { message: 'required' })),
  unit: versionedLine(40).default(''),
  threshold: z.coerce.number({ message: 'invalid' }).refine(Number.isFinite, { message: 'invalid' }),
  direction: z.enum(THRESHOLD_DIRECTIONS, { message: 'invalid' }),
});

/** A checkbox sends "on" when ticked and nothing when not; code sends a boolean. */
const checkbox = z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')]).optional().transform((v) => v === true || v === 'on' || v === 'true');

/** The fields of a test case; actions extend this shape with their project key, id and revision. */
export const testCaseShape = {
  title: versionedLine(300).pipe(z.string().min(1, { message: 'required' })),
  objective: versionedText(10_000).default(''),
  preconditions: versionedText(10_000).default(''),
  testData: versionedText(10_000).default(''),
  steps: jsonList(stepSchema, 200).default([]),
  type: z.enum(TEST_CASE_TYPES, { message: 'invalid' }),
  priority: z.enum(TEST_CASE_PRIORITIES, { message: 'invalid' }).default('medium'),
  folder: versionedLine(300).transform(normalizeFolder).default(''),
  tags: tagsInputSchema.default([]),
  automated: checkbox,
  automationKey: versionedLine(200).default(''),
  criteria: jsonList(criterionSchema, 20).default([]),
};

type ShapeOutput = z.output<z.ZodObject<typeof testCaseShape>>;

/**
 * The rules across fields: criteria belong to performance test cases, an automation key only means something for
 * an automated one (and an automated one needs it). Returns the fields as stored, or the field errors.
 */
export function applyTestCaseRules(input: ShapeOutput): { fields: ShapeOutput; fieldErrors?: Record<string, string[]> } {
  const fields: ShapeOutput = {
    title: input.title,
    objective: input.objective,
    preconditions: input.preconditions,
    testData: input.testData,
    steps: input.steps,
    type: input.type,
    priority: input.priority,
    folder: input.folder,
    tags: input.tags,
    automated: input.automated,
    automationKey: input.automated ? input.automationKey : '',
    criteria: input.type === 'performance' ? input.criteria : [],
  };
  if (fields.automated && !fields.automationKey) return { fields, fieldErrors: { automationKey: ['required'] } };
  return { fields };
}

export const testCaseFieldsSchema = z.object(testCaseShape).transform((input, ctx) => {
  const { fields, fieldErrors } = applyTestCaseRules(input);
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    for (const message of messages) ctx.addIssue({ code: 'custom', path: [field], message });
  }
  return fields;
});

export type TestCaseFields = z.output<typeof testCaseFieldsSchema>;
export type { PerformanceCriterion, TestStep };

/** Test cases follow the shared save rule; every field is content. */
export const testCaseVersionRule: VersionRule<TestCaseFields> = {
  fields: TEST_CASE_CONTENT_FIELDS,
  versionFields: TEST_CASE_CONTENT_FIELDS,
};

/** The versioned content of a test case as stored, from its row: what history, redlines and saves compare. */
export function testCaseSnapshot(row: TestCaseFields): TestCaseFields {
  return {
    title: row.title,
    objective: row.objective,
    preconditions: row.preconditions,
    testData: row.testData,
    steps: row.steps,
    type: row.type,
    priority: row.priority,
    folder: row.folder,
    tags: row.tags,
    automated: row.automated,
    automationKey: row.automationKey,
    criteria: row.criteria,
  };
}
