import { z } from 'zod';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from '@/lib/requirements/model';
import type { CoverageState } from '@/lib/traceability/coverage';

export const COVERAGE_STATES = ['covered', 'uncovered', 'suspect'] as const satisfies readonly CoverageState[];
export const REQUIREMENT_VIEWS = ['tree', 'flat'] as const;
export type RequirementView = (typeof REQUIREMENT_VIEWS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

/**
 * The requirement list's URL: view, filters, search and page. Bad values are dropped rather than refused, so a
 * hand-edited or outdated link still shows the list.
 */
export const requirementListSearchSchema = z.object({
  view: z.enum(REQUIREMENT_VIEWS).catch('tree'),
  q: optionalText(200),
  status: z.enum(REQUIREMENT_STATUSES).optional().catch(undefined),
  priority: z.enum(REQUIREMENT_PRIORITIES).optional().catch(undefined),
  tag: optionalText(40).transform((v) => v?.toLowerCase()),
  coverage: z.enum(COVERAGE_STATES).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(1_000_000).optional().catch(undefined),
});

/** Parsed from the URL, or written by hand: every filter is optional. */
export type RequirementListSearch = Partial<z.infer<typeof requirementListSearchSchema>> & { view: RequirementView };

/** The list's URL with some parameters changed; the tree view and page 1 are the defaults and stay implicit. */
export function requirementListHref(basePath: string, search: RequirementListSearch, changes: Partial<RequirementListSearch> = {}) {
  const next = { ...search, ...changes };
  const query = new URLSearchParams();
  if (next.view !== 'tree') query.set('view', next.view);
  for (const key of ['q', 'status', 'priority', 'tag', 'coverage'] as const) {
    const value = next[key];
    if (value) query.set(key, value);
  }
  if (next.view === 'flat' && next.page && next.page > 1) query.set('page', String(next.page));
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

export function hasListFilters(search: RequirementListSearch): boolean {
  return Boolean(search.q || search.status || search.priority || search.tag || search.coverage);
}
