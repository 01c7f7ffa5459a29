import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface FieldDiff {
  field: string;
  changed: boolean;
  parts: DiffPart[];
}

/** Field values as text for comparison: lists joined, structured entries (a test step) as JSON, empty values as empty text. */
export function fieldText(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ');
  return String(value);
}

/** A word-level redline of each field between two versions of an item, in the order given. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): FieldDiff[] {
  return fields.map((field) => {
    const a = fieldText(before[field]);
    const b = fieldText(after[field]);
    if (a === b) return { field, changed: false, parts: [{ value: a, added: false, removed: false }] };
    const parts = diffWordsWithSpace(a, b).map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed }));
    return { field, changed: true, parts };
  });
}
