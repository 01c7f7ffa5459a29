import { apiSpecificationsPage } from '@/db/queries/api-reads';
import { apiRoute } from '@/lib/actions/define-api-route';
import { listSpecificationsOperation } from '@/lib/api/operations';

export const GET = apiRoute(listSpecificationsOperation, {
  handler: ({ db, caller, query }) => apiSpecificationsPage(db, caller.projectId, { after: query.cursor, limit: query.limit }),
});
