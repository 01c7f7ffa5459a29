import { z } from 'zod';
import { renderGoNoGoPv } from '@/components/signoff/render-pv';
import { findGoNoGoRecord, GO_NO_GO_SUBJECT, recordContent } from '@/db/queries/readiness';
import { listSignatures } from '@/db/queries/signatures';
import { projectRoute } from '@/lib/actions/define-route';
import { ActionError } from '@/lib/actions/result';
import { pdfDownload, PV_QUERY, pvSignature } from '@/lib/signoff/pv-download';

/**
 * The PV de recette of a go / no-go record as a PDF, from its frozen content and the signatures given on it (French
 * by default, `?lang=en` for English). Any member may read it; another project's record, or an id that is not one, is "not found".
 */
export const GET = projectRoute({
  name: 'downloadGoNoGoPv',
  permission: 'project.read',
  query: PV_QUERY,
  async handler({ db, membership, params, query }) {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw new ActionError('not_found');
    const record = await findGoNoGoRecord(db, membership.projectId, id.data);
    if (!record) throw new ActionError('not_found');
    const content = recordContent(record);
    const signatures = (await listSignatures(db, membership.projectId, GO_NO_GO_SUBJECT, [record.id])).map(pvSignature);
    const pdf = await renderGoNoGoPv(content, record.snapshotHash, signatures, query.lang ?? 'fr');
    const filename = `PV-${membership.projectKey}-version-${record.snapshot.release.number}-${record.recordedAt.toISOString().slice(0, 10)}.pdf`;
    return pdfDownload(pdf, filename);
  },
});
