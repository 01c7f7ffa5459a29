import { apiTestCasesPage } from '@/db/queries/api-reads';
import { apiRoute } from '@/lib/actions/define-api-route';
import { listTestCasesOperation } from '@/lib/api/operations';

export const GET = apiRoute(listTestCasesOperation, {
  handler: ({ db, caller, query }) => apiTestCasesPage(db, caller.projectId, { after: query.cursor, limit: query.limit }),
});
