import { z } from 'zod';
import { listTraceabilityMatrix, MATRIX_STATUS_FILTERS, MATRIX_WINDOW } from '@/db/queries/traceability-pages';
import { COVERAGE_STATES } from '@/lib/traceability/coverage';
import { projectRoute } from '@/lib/actions/define-route';
import { REQUIREMENT_PRIORITIES } from '@/lib/requirements/model';

/**
 * A window of the traceability matrix (the page's filters, rows `offset` to `offset + limit` in ref order), read by
 * the virtualized table as it scrolls past the rows the page sent.
 */
export const GET = projectRoute({
  name: 'listTraceabilityMatrixWindow',
  permission: 'project.read',
  query: z.object({
    q: z.string().trim().max(200).optional(),
    coverage: z.enum(COVERAGE_STATES).optional(),
    status: z.enum(MATRIX_STATUS_FILTERS).optional(),
    priority: z.enum(REQUIREMENT_PRIORITIES).optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(MATRIX_WINDOW).default(MATRIX_WINDOW),
  }),
  async handler({ db, membership, query }) {
    const { offset, limit, ...filters } = query;
    return listTraceabilityMatrix(db, membership.projectId, { ...filters, q: filters.q || undefined }, { offset, limit });
  },
});
