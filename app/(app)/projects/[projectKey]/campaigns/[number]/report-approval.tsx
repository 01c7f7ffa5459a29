import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ApprovalStatusBadge } from '@/components/signoff/signoff-badges';
import { SignoffForm } from '@/components/signoff/signoff-form';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { getDb } from '@/db/client';
import { latestCampaignReportRequest, loadRaci } from '@/db/queries/approvals';
import { can, type ProjectRole } from '@/lib/auth/roles';
import { campaignReportRefusal } from '@/lib/signoff/campaign-report';
import { requestCampaignReportApproval } from '../../approvals/actions';

/**
 * The campaign report's approval, on the campaign page: its latest request (with a link to review it), or the form a
 * Responsable (RACI) asks with once the campaign is closed. The action checks all of it again.
 */
export async function CampaignReportApproval({
  projectKey,
  projectId,
  userId,
  role,
  campaign,
}: {
  projectKey: string;
  projectId: string;
  userId: string;
  role: ProjectRole;
  campaign: { id: string; status: string };
}) {
  const db = getDb();
  const [latest, raci] = await Promise.all([latestCampaignReportRequest(db, projectId, campaign.id), loadRaci(db, projectId)]);
  const t = await getTranslations('signoff');
  const refusal = campaignReportRefusal(campaign.status, latest ? [latest.status] : []);
  const mayRequest = can(role, 'approvals.request') && raci.resolve('campaign_report').requesters.includes(userId);
  return (
    <section aria-labelledby="report-approval-title" className="flex flex-col gap-2 rounded-lg border bg-background p-4" data-testid="campaign-report-approval">
      <h2 id="report-approval-title" className="text-lg font-semibold">
        {t('campaignReport.requestTitle')}
      </h2>
      {latest && (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <Link href={`/projects/${projectKey}/approvals/${latest.number}`} className="text-primary hover:underline" data-testid="campaign-report-request">
            {t('requests.ref', { number: latest.number })}
          </Link>
          <ApprovalStatusBadge status={latest.status} />
        </p>
      )}
      {refusal === 'campaignNotClosed' ? (
        <p className="text-sm">{t('campaignReport.notClosed')}</p>
      ) : refusal === null && !mayRequest ? (
        <p className="text-sm">{t('campaignReport.requestNotAllowed')}</p>
      ) : refusal === null ? (
        <SignoffForm action={requestCampaignReportApproval} hidden={{ projectKey, campaignId: campaign.id }} testId="request-report-approval">
          {latest && <p className="text-sm">{t('campaignReport.requestAgain')}</p>}
          <Label htmlFor="report-request-message">{t('campaignReport.message')}</Label>
          <Textarea id="report-request-message" name="message" rows={3} maxLength={5000} />
          <Button type="submit" className="self-start">
            {t('campaignReport.requestSubmit')}
          </Button>
        </SignoffForm>
      ) : null}
    </section>
  );
}
