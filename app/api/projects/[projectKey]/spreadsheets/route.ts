import { z } from 'zod';
import { findCampaign } from '@/db/queries/campaigns';
import { projectRoute } from '@/lib/actions/define-route';
import { ActionError } from '@/lib/actions/result';
import { xlsxDownload, xlsxStream, type XlsxSheet } from '@/lib/export/xlsx';
import { TIME_ZONE } from '@/lib/i18n/locales';
import { EXPORTS, campaignSheet, projectSheet } from './sheets';
import { translators } from './translators';

const parisDate = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);

/**
 * The project's requirements, test cases (with steps), traceability matrix or one campaign's results as an .xlsx
 * download, in the reader's language. Reading is all it takes: every member may export.
 */
export const GET = projectRoute({
  name: 'exportSpreadsheet',
  permission: 'project.read',
  query: z.object({
    what: z.enum(EXPORTS),
    campaign: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  }),
  async handler({ db, membership, query, locale }) {
    const tr = translators(locale);
    const projectId = membership.projectId;
    const what = query.what;
    let sheet: XlsxSheet;
    let suffix = '';
    if (what === 'campaign') {
      const campaign = query.campaign ? await findCampaign(db, projectId, query.campaign) : null;
      if (!campaign) throw new ActionError('not_found');
      sheet = await campaignSheet(db, projectId, campaign.id, tr);
      suffix = `-${campaign.number}`;
    } else sheet = await projectSheet(db, projectId, what, tr);
    return xlsxDownload(xlsxStream([sheet], locale), `${membership.projectKey}-${tr.t(`files.${what}`)}${suffix}-${parisDate(new Date())}.xlsx`);
  },
});
