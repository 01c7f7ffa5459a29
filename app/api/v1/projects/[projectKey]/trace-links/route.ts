import { apiTraceLinksPage } from '@/db/queries/api-reads';
import { apiRoute } from '@/lib/actions/define-api-route';
import { listTraceLinksOperation } from '@/lib/api/operations';

export const GET = apiRoute(listTraceLinksOperation, {
  handler: ({ db, caller, query }) => apiTraceLinksPage(db, caller.projectId, { after: query.cursor, limit: query.limit }),
});
