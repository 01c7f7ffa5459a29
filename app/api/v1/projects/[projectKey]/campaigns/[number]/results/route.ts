import { apiCampaignResultsPage } from '@/db/queries/api-reads';
import { apiRoute } from '@/lib/actions/define-api-route';
import { ActionError } from '@/lib/actions/result';
import { listCampaignResultsOperation } from '@/lib/api/operations';

export const GET = apiRoute(listCampaignResultsOperation, {
  async handler({ db, caller, params, query }) {
    const page = await apiCampaignResultsPage(db, caller.projectId, params.number, { after: query.cursor, limit: query.limit });
    if (!page) throw new ActionError('not_found');
    return page;
  },
});
