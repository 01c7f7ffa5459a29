import { requirementFieldsSchema, requirementSnapshot, requirementVersionRule, type RequirementFields } from '@/lib/requirements/schema';
import { planSave } from '@/lib/versioning/save';
import type { ColumnMapping } from './columns';
import { cellOf, codeOfSchemaMessage, isBlank, shorten, type ImportPlan, type PlannedItem, type RowError, type SheetRow } from './rows';
import { refNumberOf, requirementPriorityOf, requirementStatusOf, tagsOf } from './values';

/** A requirement of the project as the import needs it: the outline of all, the full state of those it updates. */
export interface ExistingRequirement {
  id: string;
  number: number;
  parentId: string | null;
  version: number;
  revision: number;
  /** Present for the requirements named by a ref of the file. */
  snapshot?: RequirementFields;
}

/** What a new requirement gets for a field the file does not give. */
const NEW_REQUIREMENT: RequirementFields = {
  title: '',
  statement: '',
  rationale: '',
  acceptanceCriteria: '',
  priority: 'should',
  status: 'draft',
  source: '',
  tags: [],
  parentId: null,
};

/** The requirement refs the rows name (their own and their parents'), to load before planning. */
export function requirementRefsOf(rows: readonly SheetRow[], mapping: ColumnMapping): number[] {
  const numbers = new Set<number>();
  for (const row of rows) {
    for (const field of ['ref', 'parentRef'] as const) {
      const cell = cellOf(row, mapping, field);
      const number = cell ? refNumberOf(cell, 'requirement') : null;
      if (number) numbers.add(number);
    }
  }
  return [...numbers];
}

/**
 * The dry run of a requirement import: every row checked on its own (title, values, refs) and against the project
 * (a ref must exist, a parent must exist and not make a cycle), then compared with what is stored through the
 * shared save rule, so an unchanged row is a no-op and a changed one a new version. Nothing here writes.
 * A mapped column sets its field (an empty cell clears a text, keeps a priority or a status); a field without a
 * column keeps what the requirement has, or the default of a new one.
 */
export function planRequirementImport(
  rows: readonly SheetRow[],
  mapping: ColumnMapping,
  existing: ReadonlyMap<number, ExistingRequirement>,
): ImportPlan<RequirementFields> {
  const errors: RowError[] = [];
  const items: PlannedItem<RequirementFields>[] = [];
  const seenRefs = new Map<number, number>();
  const byId = new Map([...existing.values()].map((r) => [r.id, r]));
  // The parent of every requirement once the import is done, to find cycles across rows.
  const finalParent = new Map([...existing.values()].map((r) => [r.id, r.parentId]));

  for (const row of rows) {
    if (isBlank(row)) continue;
    const rowErrors: RowError[] = [];
    const fail = (error: Omit<RowError, 'line'>) => rowErrors.push({ line: row.line, ...error });

    let current: ExistingRequirement | undefined;
    const refCell = cellOf(row, mapping, 'ref');
    if (refCell) {
      const number = refNumberOf(refCell, 'requirement');
      if (!number) fail({ field: 'ref', code: 'refInvalid', value: shorten(refCell) });
      else if (seenRefs.has(number)) fail({ field: 'ref', code: 'refDuplicate', value: refCell });
      else {
        seenRefs.set(number, row.line);
        current = existing.get(number);
        if (!current?.snapshot) fail({ field: 'ref', code: 'refUnknown', value: refCell });
      }
    }

    const base = current?.snapshot ?? NEW_REQUIREMENT;
    const text = (field: 'title' | 'statement' | 'rationale' | 'acceptanceCriteria' | 'source') => cellOf(row, mapping, field) ?? base[field];
    const draft = {
      title: text('title'),
      statement: text('statement'),
      rationale: text('rationale'),
      acceptanceCriteria: text('acceptanceCriteria'),
      source: text('source'),
      priority: base.priority,
      status: base.status,
      tags: base.tags as string[] | string,
      // The shared schema reads a missing parent as none.
      parentId: base.parentId ?? undefined,
    };
    const priority = cellOf(row, mapping, 'priority');
    if (priority) {
      const value = requirementPriorityOf(priority);
      if (value) draft.priority = value;
      else fail({ field: 'priority', code: 'priorityInvalid', value: shorten(priority) });
    }
    const status = cellOf(row, mapping, 'status');
    if (status) {
      const value = requirementStatusOf(status);
      if (value) draft.status = value;
      else fail({ field: 'status', code: 'statusInvalid', value: shorten(status) });
    }
    const tags = cellOf(row, mapping, 'tags');
    if (tags !== undefined) draft.tags = tagsOf(tags);
    const parent = cellOf(row, mapping, 'parentRef');
    if (parent !== undefined) {
      draft.parentId = undefined;
      if (parent) {
        const number = refNumberOf(parent, 'requirement');
        const found = number ? existing.get(number) : undefined;
        if (!number) fail({ field: 'parentRef', code: 'parentInvalid', value: shorten(parent) });
        else if (!found) fail({ field: 'parentRef', code: 'parentUnknown', value: parent });
        else draft.parentId = found.id;
      }
    }

    const parsed = requirementFieldsSchema.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field === 'title' && rowErrors.some((e) => e.code === 'titleMissing')) continue;
        fail({ field: field === 'parentId' ? 'parentRef' : (field as RowError['field']), code: codeOfSchemaMessage(field, issue.message) });
      }
    }
    if (rowErrors.length > 0 || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    const fields = requirementSnapshot(parsed.data);
    if (!current) {
      items.push({ line: row.line, outcome: 'create', fields });
      continue;
    }
    const before = requirementSnapshot(current.snapshot!);
    const plan = planSave({ version: current.version, revision: current.revision, snapshot: before }, current.revision, fields, requirementVersionRule);
    if (plan.outcome === 'save') {
      if (fields.parentId !== before.parentId) finalParent.set(current.id, fields.parentId);
      items.push({ line: row.line, outcome: 'update', id: current.id, number: current.number, fields, before, version: plan.version, revision: plan.revision, changed: plan.changed, newVersion: plan.newVersion });
    } else {
      items.push({ line: row.line, outcome: 'unchanged', id: current.id, number: current.number, fields });
    }
  }

  // A move under one's own descendant, possibly through other rows' moves: refused on the row that moves.
  for (const item of items) {
    if (item.outcome !== 'update' || item.fields.parentId === item.before!.parentId) continue;
    const seen = new Set<string>([item.id!]);
    let cursor = item.fields.parentId;
    while (cursor && byId.has(cursor)) {
      if (seen.has(cursor)) {
        errors.push({ line: item.line, field: 'parentRef', code: 'parentCycle' });
        break;
      }
      seen.add(cursor);
      cursor = finalParent.get(cursor) ?? null;
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { items, errors };
}
