import { z } from 'zod';
import { renderFinalAcceptancePv } from '@/components/signoff/render-pv';
import { FINAL_ACCEPTANCE_SUBJECT, findFinalAcceptance } from '@/db/queries/go-live';
import { listSignatures } from '@/db/queries/signatures';
import { projectRoute } from '@/lib/actions/define-route';
import { ActionError } from '@/lib/actions/result';
import { pdfDownload, PV_QUERY, pvSignature } from '@/lib/signoff/pv-download';

/**
 * The PV of a recette définitive (or ajournement) decision as a PDF, from the content the MOA signed and the
 * signature of that period (French by default, `?lang=en` for English). Any member may read it; another
 * project's decision, or an id that is not one, is "not found".
 */
export const GET = projectRoute({
  name: 'downloadFinalAcceptancePv',
  permission: 'project.read',
  query: PV_QUERY,
  async handler({ db, membership, params, query }) {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw new ActionError('not_found');
    const record = await findFinalAcceptance(db, membership.projectId, id.data);
    if (!record) throw new ActionError('not_found');
    const signatures = (await listSignatures(db, membership.projectId, FINAL_ACCEPTANCE_SUBJECT, [record.goLiveId]))
      .filter((sig) => sig.subjectVersion === record.period)
      .map(pvSignature);
    const document = {
      content: record.content,
      decision: record.decision,
      reason: record.reason,
      newPeriodDays: record.newPeriodDays,
      recordedAt: record.recordedAt.toISOString(),
    };
    const pdf = await renderFinalAcceptancePv(document, record.contentHash, signatures, query.lang ?? 'fr');
    const filename = `PV-recette-definitive-${membership.projectKey}-version-${record.content.release.number}-periode-${record.period}.pdf`;
    return pdfDownload(pdf, filename);
  },
});
