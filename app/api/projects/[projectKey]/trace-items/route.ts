import { z } from 'zod';
import { searchTraceItems } from '@/db/queries/traceability-pages';
import { projectRoute } from '@/lib/actions/define-route';

/** The link picker's type-ahead: requirements or specifications of the project matching `q` (text or ref). */
export const GET = projectRoute({
  name: 'searchTraceItems',
  permission: 'project.read',
  query: z.object({
    type: z.enum(['requirement', 'specification']),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
  async handler({ db, membership, query }) {
    return { items: await searchTraceItems(db, membership.projectId, query.type, query.q, query.limit) };
  },
});
