import type { RequirementPriority, RequirementStatus } from '@/lib/requirements/model';
import type { CoverageState } from '@/lib/traceability/coverage';

/**
 * The requirement list's URL parameters, shared by the page and the filter form. No zod here: the form runs in the
 * browser, and the page parses the URL with list-search-schema.ts.
 */

export const REQUIREMENT_VIEWS = ['tree', 'flat'] as const;
export type RequirementView = (typeof REQUIREMENT_VIEWS)[number];

/** Parsed from the URL, or written by hand: every filter is optional. */
export interface RequirementListSearch {
  view: RequirementView;
  q?: string;
  status?: RequirementStatus;
  priority?: RequirementPriority;
  tag?: string;
  coverage?: CoverageState;
  page?: number;
}

/**
 * The list's URL with some parameters changed; the tree view and page 1 are the defaults and stay implicit. The
 * unfiltered tree has no pages (chapters open in place), so a page is kept only for the flat view and for a search.
 */
export function requirementListHref(basePath: string, search: RequirementListSearch, changes: Partial<RequirementListSearch> = {}) {
  const next = { ...search, ...changes };
  const query = new URLSearchParams();
  if (next.view !== 'tree') query.set('view', next.view);
  for (const key of ['q', 'status', 'priority', 'tag', 'coverage'] as const) {
    const value = next[key];
    if (value) query.set(key, value);
  }
  if ((next.view === 'flat' || hasListFilters(next)) && next.page && next.page > 1) query.set('page', String(next.page));
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

export function hasListFilters(search: RequirementListSearch): boolean {
  return Boolean(search.q || search.status || search.priority || search.tag || search.coverage);
}
