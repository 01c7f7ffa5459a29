import { apiRequirementsPage } from '@/db/queries/api-reads';
import { apiRoute } from '@/lib/actions/define-api-route';
import { listRequirementsOperation } from '@/lib/api/operations';

export const GET = apiRoute(listRequirementsOperation, {
  handler: ({ db, caller, query }) => apiRequirementsPage(db, caller.projectId, { after: query.cursor, limit: query.limit }),
});
