import type { CoverageState } from '@/lib/traceability/coverage';
import type { RequirementPriority, RequirementStatus } from './model';

/** One requirement as the lists show it (tree, flat list, search results): only what the rows display. */
export interface RequirementListRow {
  id: string;
  number: number;
  parentId: string | null;
  title: string;
  priority: RequirementPriority;
  status: RequirementStatus;
  tags: string[];
  coverage: CoverageState;
  suspectCount: number;
  /** Requirements filed directly under this one: a chapter when above 0. */
  childCount: number;
}

export function toRequirementListRow(row: RequirementListRow): RequirementListRow {
  return {
    id: row.id,
    number: row.number,
    parentId: row.parentId,
    title: row.title,
    priority: row.priority,
    status: row.status,
    tags: row.tags,
    coverage: row.coverage,
    suspectCount: row.suspectCount,
    childCount: row.childCount,
  };
}

/** A chapter above a search result, as its path shows it. */
export interface RequirementAncestor {
  id: string;
  number: number;
  title: string;
  parentId: string | null;
}

/**
 * The chapters above a requirement, outermost first, from the ancestors read for a page of results. Stops at a
 * missing or repeated link (a corrupted chain never loops).
 */
export function ancestorPath(parentId: string | null, ancestors: ReadonlyMap<string, RequirementAncestor>): RequirementAncestor[] {
  const path: RequirementAncestor[] = [];
  const seen = new Set<string>();
  let current = parentId ? ancestors.get(parentId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId ? ancestors.get(current.parentId) : undefined;
  }
  return path;
}
