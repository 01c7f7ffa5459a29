import { apiCampaignResultsPage } from '@/db/queries/api-reads';
import { findCampaign } from '@/db/queries/campaigns';
import { importResults } from '@/db/queries/results-import';
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

/**
 * A CI job pushes its results: the campaign page's import (db/queries/results-import.ts), in one transaction, the
 * runs recorded in the name of the owner who created the token and journaled naming the token.
 */
export const POST = apiRoute(importResultsOperation, {
  handler: ({ caller, params, query, files, locale, write }) =>
    write(async (tx, audit) => {
      const campaign = await findCampaign(tx, caller.projectId, params.number);
      if (!campaign) throw new ActionError('not_found');
      // Runs are recorded in a person's name; a token whose creator's account is gone records none.
      if (!caller.createdBy) throw new ActionError('forbidden');
      const { journal, ...summary } = await importResults(tx, {
        projectId: caller.projectId,
        campaignId: campaign.id,
        files,
        actorId: caller.createdBy,
        build: query.build ?? campaign.build,
        environment: query.environment ?? campaign.environment,
        createProposed: query.createProposed,
        locale,
      });
      await audit(journal);
      return { campaign: campaign.number, ...summary };
    }),
});
