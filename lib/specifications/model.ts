export const SPECIFICATION_CATEGORIES = [
  'architecture',
  'interface',
  'data',
  'security',
  'performance',
  'infrastructure',
  'operations',
] as const;
export type SpecificationCategory = (typeof SPECIFICATION_CATEGORIES)[number];

export const SPECIFICATION_STATUSES = ['draft', 'in_review', 'approved', 'superseded'] as const;
export type SpecificationStatus = (typeof SPECIFICATION_STATUSES)[number];

/** The review workflow: brouillon → en revue → approuvée → remplacée; a reviewer may send a spec back to draft. */
const TRANSITIONS: Record<SpecificationStatus, readonly SpecificationStatus[]> = {
  draft: ['in_review'],
  in_review: ['approved', 'draft'],
  approved: ['superseded'],
  superseded: [],
};

export function canMoveSpecification(from: SpecificationStatus, to: SpecificationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: SpecificationStatus): readonly SpecificationStatus[] {
  return TRANSITIONS[from];
}

/**
 * Editing content: an approved spec goes back to draft as a new version (its approval covered the old text);
 * a spec in review stays in review; a superseded spec is frozen.
 */
export function statusAfterEdit(current: SpecificationStatus): SpecificationStatus | null {
  if (current === 'superseded') return null;
  return current === 'approved' ? 'draft' : current;
}

export const SPECIFICATION_CONTENT_FIELDS = ['title', 'body', 'category', 'status'] as const;
