import { apiCampaignResultsPage } from '@/db/queries/api-reads';
import { pushApiResults } from '@/db/queries/api-results';
import { findCampaign } from '@/db/queries/campaigns';
import { apiRoute } from '@/lib/actions/define-api-route';
import { ActionError } from '@/lib/actions/result';
import { importResultsOperation, listCampaignResultsOperation } from '@/lib/api/operations';

export const GET = apiRoute(listCampaignResultsOperation, {
  async handler({ db, caller, params, query }) {
    const page = await apiCampaignResultsPage(db, caller.projectId, params.number, { after: query.cursor, limit: query.limit });
    if (!page) throw new ActionError('not_found');
    return page;
  },
});

/** A CI job pushes its results into a campaign it names by number (db/queries/api-results.ts). */
export const POST = apiRoute(importResultsOperation, {
  handler: ({ caller, params, query, files, locale, write }) =>
    write(async (tx, audit) => {
      const campaign = await findCampaign(tx, caller.projectId, params.number);
      if (!campaign) throw new ActionError('not_found');
      return pushApiResults(tx, audit, { caller, campaign, query, files, locale });
    }),
});
