import type { ColumnMapping, ImportField } from './columns';

/**
 * What the spreadsheet gave: its data rows with their line number in the file (the header is line 1), and what a
 * row-level check found wrong. Codes name `import.errors.*` messages.
 */
export interface SheetRow {
  line: number;
  cells: string[];
}

export const ROW_ERROR_CODES = [
  'titleMissing',
  'refInvalid',
  'refUnknown',
  'refDuplicate',
  'parentInvalid',
  'parentUnknown',
  'parentCycle',
  'priorityInvalid',
  'statusInvalid',
  'typeInvalid',
  'automatedInvalid',
  'automationKeyMissing',
  'stepNumberInvalid',
  'stepActionMissing',
  'stepWithoutTestCase',
  'tooLong',
  'invalid',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface RowError {
  line: number;
  field?: ImportField;
  code: RowErrorCode;
  /** The cell as written, shortened, so the person finds it. */
  value?: string;
}

export type ImportOutcome = 'create' | 'update' | 'unchanged';

/** One item of the plan: what the import will do with it, and the fields it will store. */
export interface PlannedItem<F> {
  line: number;
  outcome: ImportOutcome;
  /** Existing item's id and number (updates and no-ops). */
  id?: string;
  number?: number;
  fields: F;
  /** For updates: the state before, the new version and revision, and the fields that change. */
  before?: F;
  version?: number;
  revision?: number;
  changed?: string[];
  newVersion?: boolean;
}

export interface ImportPlan<F> {
  items: PlannedItem<F>[];
  errors: RowError[];
}

/** The cell of a mapped field, trimmed; undefined when the field is not mapped. */
export function cellOf(row: SheetRow, mapping: ColumnMapping, field: ImportField): string | undefined {
  const column = mapping[field];
  if (column === undefined) return undefined;
  return (row.cells[column] ?? '').trim();
}

export function isBlank(row: SheetRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

export function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

/** zod messages of the shared item schemas, as row error codes. */
export function codeOfSchemaMessage(field: string, message: string): RowErrorCode {
  if (field === 'title' && message === 'required') return 'titleMissing';
  if (field === 'automationKey' && message === 'required') return 'automationKeyMissing';
  if (message === 'tooLong') return 'tooLong';
  return 'invalid';
}
