import { z } from 'zod';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from '@/lib/requirements/model';
import { COVERAGE_STATES } from '@/lib/traceability/coverage';
import { REQUIREMENT_VIEWS, type RequirementListSearch } from './list-search';

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
}) satisfies z.ZodType<RequirementListSearch>;
