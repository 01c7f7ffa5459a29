import { z } from 'zod';
import { renderCampaignReportPv } from '@/components/signoff/render-pv';
import { APPROVAL_SUBJECT, campaignReportSubjectOf, findApprovalRequest, listReservations } from '@/db/queries/approvals';
import { listSignatures, signable } from '@/db/queries/signatures';
import { projectRoute } from '@/lib/actions/define-route';
import { ActionError } from '@/lib/actions/result';
import { pdfDownload, PV_QUERY, pvSignature } from '@/lib/signoff/pv-download';

/**
 * The PV de recette of one campaign: the PDF of a campaign report's approval request, from the report frozen when it
 * was asked, the reservations raised with the decision and the signatures given on it (French by default,
 * `?lang=en` for English). Any member may read it; another project's request, a baseline's, or a number that is not
 * one, is "not found".
 */
export const GET = projectRoute({
  name: 'downloadCampaignReportPv',
  permission: 'project.read',
  query: PV_QUERY,
  async handler({ db, membership, params, query }) {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw new ActionError('not_found');
    const request = await findApprovalRequest(db, membership.projectId, { id: id.data });
    if (!request || request.deliverable !== 'campaign_report' || !request.snapshot) throw new ActionError('not_found');
    const [signatures, reservations] = await Promise.all([
      listSignatures(db, membership.projectId, APPROVAL_SUBJECT, [request.id]),
      listReservations(db, membership.projectId, request.id),
    ]);
    const { hash } = signable(campaignReportSubjectOf(request, request.snapshot));
    const pdf = await renderCampaignReportPv(
      {
        request: {
          number: request.number,
          requestedBy: request.requestedByName ?? '—',
          requestedAt: request.requestedAt.toISOString(),
          status: request.status,
          decidedAt: request.decidedAt?.toISOString() ?? null,
        },
        snapshot: request.snapshot,
        reservations: [...reservations]
          .sort((a, b) => a.number - b.number)
          .map((r) => ({ number: r.number, text: r.text, owner: r.ownerName ?? '—', dueDate: r.dueDate, anomalies: r.anomalies.map((a) => a.number) })),
      },
      hash,
      signatures.map(pvSignature),
      query.lang ?? 'fr',
    );
    const filename = `PV-${membership.projectKey}-campagne-${request.snapshot.campaign.number}-demande-${request.number}.pdf`;
    return pdfDownload(pdf, filename);
  },
});
