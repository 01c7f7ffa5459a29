import type { ReqifDocument, WarningCode } from './model';
import type { ImportPlan, PlanStatus, PlannedItem } from './plan';

/**
 * What the preview shows: counts for every status, the conflicts in full (each needs a choice), a sample of the
 * others, and the warnings grouped by kind. Bounded, so a 5,000-object file previews in a small answer.
 */
export const PREVIEW_SAMPLE = 50;
export const WARNING_EXAMPLES = 5;

export interface PreviewItem {
  identifier: string;
  title: string;
  /** EXF-n of the matched requirement, if any. */
  ref: string | null;
  depth: number;
  changedFields: PlannedItem['changedFields'];
}

export interface ImportPreview {
  title: string;
  toolId: string;
  files: string[];
  objects: number;
  depth: number;
  relations: number;
  specifications: { title: string; objectCount: number; depth: number }[];
  counts: Record<PlanStatus, number>;
  conflicts: PreviewItem[];
  samples: Record<Exclude<PlanStatus, 'conflict'>, PreviewItem[]>;
  warnings: { code: WarningCode; count: number; examples: { identifier: string; detail?: string }[] }[];
}

function item(p: PlannedItem): PreviewItem {
  return {
    identifier: p.incoming.identifier,
    title: p.incoming.title,
    ref: p.existing ? `EXF-${p.existing.number}` : null,
    depth: p.incoming.depth,
    changedFields: p.changedFields,
  };
}

export function buildPreview(doc: ReqifDocument, plan: ImportPlan): ImportPreview {
  const samples: ImportPreview['samples'] = { new: [], changed: [], unchanged: [] };
  const conflicts: PreviewItem[] = [];
  for (const p of plan.items) {
    if (p.status === 'conflict') conflicts.push(item(p));
    else if (samples[p.status].length < PREVIEW_SAMPLE) samples[p.status].push(item(p));
  }
  const grouped = new Map<WarningCode, ImportPreview['warnings'][number]>();
  for (const w of plan.warnings) {
    const group = grouped.get(w.code) ?? { code: w.code, count: 0, examples: [] };
    group.count += 1;
    if (group.examples.length < WARNING_EXAMPLES) group.examples.push({ identifier: w.identifier, ...(w.detail !== undefined && { detail: w.detail }) });
    grouped.set(w.code, group);
  }
  return {
    title: doc.title,
    toolId: doc.toolId || doc.sourceToolId,
    files: doc.files,
    objects: doc.objects.length,
    depth: doc.depth,
    relations: doc.relations.length,
    specifications: doc.specifications.map(({ title, objectCount, depth }) => ({ title, objectCount, depth })),
    counts: plan.counts,
    conflicts,
    samples,
    warnings: [...grouped.values()],
  };
}

/** The `source` written on imported requirements: the tool and the exchange's title. */
export function importSource(doc: ReqifDocument, fileName: string): string {
  const origin = [doc.toolId || doc.sourceToolId, doc.title || fileName].filter(Boolean).join(' · ');
  return `ReqIF · ${origin}`.replace(/\s+/g, ' ').trim().slice(0, 300);
}
