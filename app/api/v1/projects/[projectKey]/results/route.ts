import { pushApiResults } from '@/db/queries/api-results';
import { findOrCreateBuildCampaign } from '@/db/queries/campaigns';
import { apiRoute } from '@/lib/actions/define-api-route';
import { pushResultsOperation } from '@/lib/api/operations';

/**
 * A CI job pushes its results without knowing a campaign number: the campaign of its name and build, created on
 * the build's first push (journaled like the API's campaign creation), then the import (db/queries/api-results.ts).
 */
export const POST = apiRoute(pushResultsOperation, {
  handler: ({ caller, query, files, locale, write }) =>
    write(async (tx, audit) => {
      const { campaign, created } = await findOrCreateBuildCampaign(tx, caller.projectId, caller.createdBy, {
        name: query.campaign,
        type: query.type,
        build: query.build,
        environment: query.environment ?? '',
      });
      if (created) await audit({ entity: 'campaign', entityId: campaign.id, action: 'create', after: { number: campaign.number, ...created.fields } });
      const summary = await pushApiResults(tx, audit, { caller, campaign, query, files, locale });
      return { ...summary, campaignCreated: created !== null };
    }),
});
