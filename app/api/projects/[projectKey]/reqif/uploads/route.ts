import { createHash } from 'node:crypto';
import { z } from 'zod';
import { loadImportedRequirements, storeReqifUpload } from '@/db/queries/reqif';
import { projectUploadRoute } from '@/lib/actions/define-route';
import { readReqifUpload, UPLOAD_LIMITS } from '@/lib/interop/reqif/archive';
import { ReqifError } from '@/lib/interop/reqif/errors';
import { refusalMessage } from '@/lib/interop/reqif/refusal-message';
import { planImport } from '@/lib/interop/reqif/plan';
import { buildPreview } from '@/lib/interop/reqif/preview';
import { cleanFileName } from '@/lib/recette/evidence-content';

/**
 * Uploads a .reqif or .reqifz and answers its preview: what would be new, changed, unchanged or in conflict, and
 * what was skipped and why. The file is kept (not imported) so the import reads exactly what was previewed; a file
 * that cannot be read is refused with the reason and nothing is kept.
 */
export const POST = projectUploadRoute({
  name: 'previewReqifImport',
  permission: 'requirements.write',
  fields: z.object({}),
  maxFileBytes: UPLOAD_LIMITS.fileBytes,
  tooBigKey: 'reqifTooBig',
  async handler({ db, actor, membership, file, locale, write }) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = cleanFileName(file.name) || 'import.reqif';
    let doc;
    try {
      doc = readReqifUpload(fileName, bytes);
    } catch (error) {
      if (!(error instanceof ReqifError)) throw error;
      return Response.json(
        { code: 'invalid', refusal: error.code, message: refusalMessage(locale, error) },
        { status: 400, headers: { 'Cache-Control': 'no-store' } },
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const uploadId = await write(async (tx, audit) => {
      const id = await storeReqifUpload(tx, membership.projectId, actor.id, fileName, Buffer.from(bytes), sha256);
      await audit({ entity: 'reqifUpload', entityId: id, action: 'upload', after: { fileName, byteSize: bytes.length, sha256 } });
      return id;
    });
    const { requirements, ownSpecifications } = await loadImportedRequirements(db, membership.projectId);
    const preview = buildPreview(doc, planImport(doc, requirements, ownSpecifications));
    return { uploadId, fileName, preview };
  },
});
