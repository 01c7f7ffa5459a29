import { z } from 'zod';
import { applyTestCaseRules, testCaseShape, testCaseSnapshot, testCaseVersionRule, type TestCaseFields, type TestStep } from '@/lib/recette/schema';
import { planSave } from '@/lib/versioning/save';
import type { ColumnMapping } from './columns';
import { cellOf, codeOfSchemaMessage, isBlank, shorten, type ImportPlan, type PlannedItem, type RowError, type SheetRow } from './rows';
import { booleanOf, refNumberOf, tagsOf, testCasePriorityOf, testCaseTypeOf } from './values';

export interface ExistingTestCase {
  id: string;
  number: number;
  version: number;
  revision: number;
  snapshot: TestCaseFields;
}

const NEW_TEST_CASE: TestCaseFields = {
  title: '',
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
};

const fieldsSchema = z.object(testCaseShape);

const STEP_FIELDS = ['stepNumber', 'stepAction', 'stepExpected'] as const;

/**
 * Test cases take one row per step, as Squash TM and TestRail export them: the first row of a test case carries
 * its fields (and its first step), the next rows carry further steps with the same ref, or no ref and no title.
 * A row with a title (or a new ref) starts the next test case. Steps keep the file's order unless a step-number
 * column gives another.
 */
interface Group {
  first: SheetRow;
  ref: number | null;
  steps: { line: number; number: number | null; action: string; expected: string }[];
}

export function testCaseRefsOf(rows: readonly SheetRow[], mapping: ColumnMapping): number[] {
  const numbers = new Set<number>();
  for (const row of rows) {
    const cell = cellOf(row, mapping, 'ref');
    const number = cell ? refNumberOf(cell, 'testCase') : null;
    if (number) numbers.add(number);
  }
  return [...numbers];
}

function groupRows(rows: readonly SheetRow[], mapping: ColumnMapping, errors: RowError[]): Group[] {
  const groups: Group[] = [];
  const refs = new Set<number>();
  let open: Group | null = null;
  for (const row of rows) {
    if (isBlank(row)) continue;
    const refCell = cellOf(row, mapping, 'ref') ?? '';
    const title = cellOf(row, mapping, 'title') ?? '';
    const hasStep = STEP_FIELDS.some((field) => (cellOf(row, mapping, field) ?? '') !== '');
    let ref: number | null = null;
    if (refCell) {
      ref = refNumberOf(refCell, 'testCase');
      if (!ref) {
        errors.push({ line: row.line, field: 'ref', code: 'refInvalid', value: shorten(refCell) });
        open = null;
        continue;
      }
    }
    const continues = open !== null && (ref !== null ? ref === open.ref : title === '' && hasStep);
    if (!continues) {
      if (ref === null && title === '' && hasStep && groups.length === 0) {
        errors.push({ line: row.line, code: 'stepWithoutTestCase' });
        continue;
      }
      if (ref !== null && refs.has(ref)) {
        errors.push({ line: row.line, field: 'ref', code: 'refDuplicate', value: refCell });
        open = null;
        continue;
      }
      if (ref !== null) refs.add(ref);
      open = { first: row, ref, steps: [] };
      groups.push(open);
    }
    if (!hasStep || !open) continue;
    const numberCell = cellOf(row, mapping, 'stepNumber') ?? '';
    const number = numberCell === '' ? null : /^\d{1,4}$/.test(numberCell) ? Number(numberCell) : NaN;
    if (Number.isNaN(number)) errors.push({ line: row.line, field: 'stepNumber', code: 'stepNumberInvalid', value: shorten(numberCell) });
    const action = cellOf(row, mapping, 'stepAction') ?? '';
    const expected = cellOf(row, mapping, 'stepExpected') ?? '';
    if (action === '' && expected !== '') errors.push({ line: row.line, field: 'stepAction', code: 'stepActionMissing' });
    if (action !== '' || expected !== '') open.steps.push({ line: row.line, number, action, expected });
  }
  return groups;
}

/**
 * The dry run of a test case import: rows grouped into test cases with their ordered steps, each checked and
 * compared with the stored test case through the shared save rule. Nothing here writes. Without a step-action
 * column, existing steps are kept; with one, the file's steps replace them.
 */
export function planTestCaseImport(
  rows: readonly SheetRow[],
  mapping: ColumnMapping,
  existing: ReadonlyMap<number, ExistingTestCase>,
): ImportPlan<TestCaseFields> {
  const errors: RowError[] = [];
  const items: PlannedItem<TestCaseFields>[] = [];
  for (const group of groupRows(rows, mapping, errors)) {
    const row = group.first;
    const line = row.line;
    const groupErrors: RowError[] = [];
    const fail = (error: Omit<RowError, 'line'>, at = line) => groupErrors.push({ line: at, ...error });
    const current = group.ref !== null ? existing.get(group.ref) : undefined;
    if (group.ref !== null && !current) fail({ field: 'ref', code: 'refUnknown', value: cellOf(row, mapping, 'ref') });

    const base = current?.snapshot ?? NEW_TEST_CASE;
    const text = (field: 'title' | 'objective' | 'preconditions' | 'testData' | 'folder' | 'automationKey') => cellOf(row, mapping, field) ?? base[field];
    const draft = {
      title: text('title'),
      objective: text('objective'),
      preconditions: text('preconditions'),
      testData: text('testData'),
      folder: text('folder'),
      automationKey: text('automationKey'),
      type: base.type,
      priority: base.priority,
      tags: base.tags as string[] | string,
      automated: base.automated,
      criteria: base.criteria,
      steps: base.steps as TestStep[],
    };
    const type = cellOf(row, mapping, 'type');
    if (type) {
      const value = testCaseTypeOf(type);
      if (value) draft.type = value;
      else fail({ field: 'type', code: 'typeInvalid', value: shorten(type) });
    }
    const priority = cellOf(row, mapping, 'priority');
    if (priority) {
      const value = testCasePriorityOf(priority);
      if (value) draft.priority = value;
      else fail({ field: 'priority', code: 'priorityInvalid', value: shorten(priority) });
    }
    const automated = cellOf(row, mapping, 'automated');
    if (automated) {
      const value = booleanOf(automated);
      if (value === undefined) fail({ field: 'automated', code: 'automatedInvalid', value: shorten(automated) });
      else draft.automated = value;
    }
    const tags = cellOf(row, mapping, 'tags');
    if (tags !== undefined) draft.tags = tagsOf(tags);
    if (mapping.stepAction !== undefined) {
      const ordered = group.steps.map((step, index) => ({ ...step, index }));
      ordered.sort((a, b) => (a.number ?? a.index + 1) - (b.number ?? b.index + 1) || a.index - b.index);
      draft.steps = ordered.map((step) => ({ action: step.action, expected: step.expected }));
    }

    const parsed = fieldsSchema.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field === 'steps') {
          const step = group.steps[Number(issue.path[1])];
          if (step && step.action === '' && issue.message === 'required') continue;
          fail({ field: 'stepAction', code: codeOfSchemaMessage(field, issue.message) }, step?.line ?? line);
        } else fail({ field: field as RowError['field'], code: codeOfSchemaMessage(field, issue.message) });
      }
    }
    const checked = parsed.success ? applyTestCaseRules(parsed.data) : null;
    for (const [field, messages] of Object.entries(checked?.fieldErrors ?? {})) {
      for (const message of messages) fail({ field: field as RowError['field'], code: codeOfSchemaMessage(field, message) });
    }
    if (groupErrors.length > 0 || !checked || checked.fieldErrors) {
      errors.push(...groupErrors);
      continue;
    }
    const fields = testCaseSnapshot(checked.fields);
    if (!current) {
      items.push({ line, outcome: 'create', fields });
      continue;
    }
    const before = testCaseSnapshot(current.snapshot);
    const plan = planSave({ version: current.version, revision: current.revision, snapshot: before }, current.revision, fields, testCaseVersionRule);
    if (plan.outcome === 'save') items.push({ line, outcome: 'update', id: current.id, number: current.number, fields, before, version: plan.version, revision: plan.revision, changed: plan.changed, newVersion: plan.newVersion });
    else items.push({ line, outcome: 'unchanged', id: current.id, number: current.number, fields });
  }
  errors.sort((a, b) => a.line - b.line);
  return { items, errors };
}
