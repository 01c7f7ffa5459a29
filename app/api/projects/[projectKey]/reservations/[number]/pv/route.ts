import { renderLiftingPv } from '@/components/signoff/render-lifting-pv';
import { findLifting } from '@/db/queries/reservation-pv';
import { projectRoute } from '@/lib/actions/define-route';
import { ActionError } from '@/lib/actions/result';
import { pdfDownload, PV_QUERY, pvSignature } from '@/lib/signoff/pv-download';
import { readLifting } from '@/lib/signoff/lifting';

/**
 * The PV de levée of a reservation as a PDF (French by default, `?lang=en` for English), drawn from the content its
 * lifting signed and that signature. Any member may read it; another project's reservation, one never lifted, or a
 * number that is not one, is "not found".
 */
export const GET = projectRoute({
  name: 'downloadLiftingPv',
  permission: 'project.read',
  query: PV_QUERY,
  async handler({ db, membership, params, query }) {
    // A reservation's number as its page shows it: digits only, within the column's range.
    if (!/^[1-9]\d{0,8}$/.test(params.number ?? '')) throw new ActionError('not_found');
    const lifting = await findLifting(db, membership.projectId, Number(params.number));
    const content = lifting && readLifting(lifting.content);
    if (!lifting || !content) throw new ActionError('not_found');
    const document = {
      // A lifting signed before the PV existed did not freeze the project: its key, name and client are today's.
      content: { ...content, project: content.project ?? lifting.project },
      signature: { ...pvSignature(lifting), reason: lifting.reason, revokedAt: lifting.revokedAt?.toISOString() ?? null },
    };
    const pdf = await renderLiftingPv(document, lifting.contentHash, query.lang ?? 'fr');
    const filename = `PV-levee-${membership.projectKey}-reserve-${lifting.reservationNumber}-${lifting.signedAt.toISOString().slice(0, 10)}.pdf`;
    return pdfDownload(pdf, filename);
  },
});
