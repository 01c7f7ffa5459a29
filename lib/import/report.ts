import { formatRef } from '@/lib/traceability/refs';
import type { ImportKind } from './columns';
import type { ImportOutcome, ImportPlan, RowError } from './rows';

/** How many rows of the dry run the answer lists (the counts always cover the whole file). */
export const REPORT_LIMIT = 1_000;

export interface ImportReport {
  counts: { create: number; update: number; unchanged: number; errors: number };
  items: { line: number; outcome: ImportOutcome; ref: string | null; title: string; changed: string[] }[];
  errors: RowError[];
  /** After the import: the refs the new items received, in the file's order. */
  created?: string[];
}

/** What the person sees of a plan: counts, then the first rows and the first errors, by line. */
export function importReport(kind: ImportKind, plan: ImportPlan<{ title: string }>): ImportReport {
  const count = (outcome: ImportOutcome) => plan.items.filter((i) => i.outcome === outcome).length;
  return {
    counts: { create: count('create'), update: count('update'), unchanged: count('unchanged'), errors: plan.errors.length },
    items: plan.items.slice(0, REPORT_LIMIT).map((item) => ({
      line: item.line,
      outcome: item.outcome,
      ref: item.number ? formatRef(kind, item.number) : null,
      title: item.fields.title,
      changed: item.changed ?? [],
    })),
    errors: plan.errors.slice(0, REPORT_LIMIT),
  };
}
