import { z } from 'zod';
import { searchTraceItems, TRACE_ITEM_TYPES } from '@/db/queries/traceability-pages';
import { projectRoute } from '@/lib/actions/define-route';

/** The pickers' type-ahead: requirements, specifications or test cases of the project matching `q` (text or ref). */
export const GET = projectRoute({
  name: 'searchTraceItems',
  permission: 'project.read',
  query: z.object({
    type: z.enum(TRACE_ITEM_TYPES),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
  async handler({ db, membership, query }) {
    return { items: await searchTraceItems(db, membership.projectId, query.type, query.q, query.limit) };
  },
});
