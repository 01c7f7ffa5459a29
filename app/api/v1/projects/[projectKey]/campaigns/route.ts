import { apiCampaign, apiCampaignsPage } from '@/db/queries/api-reads';
import { insertCampaign } from '@/db/queries/campaigns';
import { apiRoute } from '@/lib/actions/define-api-route';
import { createCampaignOperation, listCampaignsOperation } from '@/lib/api/operations';

export const GET = apiRoute(listCampaignsOperation, {
  handler: ({ db, caller, query }) => apiCampaignsPage(db, caller.projectId, { after: query.cursor, limit: query.limit }),
});

/** The campaign form's creation (db/queries/campaigns.ts insertCampaign), journaled under the token. */
export const POST = apiRoute(createCampaignOperation, {
  handler: ({ caller, body, write }) =>
    write(async (tx, audit) => {
      const { campaign, fields } = await insertCampaign(tx, caller.projectId, caller.createdBy, body);
      await audit({ entity: 'campaign', entityId: campaign.id, action: 'create', after: { number: campaign.number, ...fields } });
      return apiCampaign(campaign);
    }),
  location: (campaign, params) => `/api/v1/projects/${params.projectKey}/campaigns/${campaign.number}/results`,
});
