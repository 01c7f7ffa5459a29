import { z } from 'zod';
import { renderCampaignReportPv } from '@/components/signoff/render-pv';
import { APPROVAL_SUBJECT, campaignReportSubjectOf, findApprovalRequest, listReservations } from '@/db/queries/approvals';
import { listSignatures, signable } from '@/db/queries/signatures';
import { projectRoute } from '@/lib/actions/define-route';
import { ActionError } from '@/lib/actions/result';
import { LOCALES } from '@/lib/i18n/locales';

/**
 * The PV de recette of one campaign: the PDF of a campaign report's approval request, from the report frozen when it
 * was asked, the reservations raised with the decision and the signatures given on it (French by default,
 * `?lang=en` for English). Any member may read it; another project's request, a baseline's, or a number that is not
 * one, is "not found".
 */
export const GET = projectRoute({
  name: 'downloadCampaignReportPv',
  permission: 'project.read',
  query: z.object({ lang: z.enum(LOCALES).optional().catch(undefined) }),
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
      signatures.map((sig) => ({
        name: sig.signerName,
        role: sig.signerRole,
        meaning: sig.meaning,
        signedAt: sig.signedAt.toISOString(),
        hash: sig.contentHash,
        revoked: sig.revokedAt !== null,
      })),
      query.lang ?? 'fr',
    );
    const filename = `PV-${membership.projectKey}-campagne-${request.snapshot.campaign.number}-demande-${request.number}.pdf`;
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
