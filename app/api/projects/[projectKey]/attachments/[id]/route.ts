import { z } from 'zod';
import { findAttachment } from '@/db/queries/attachments';
import { projectRoute } from '@/lib/actions/define-route';
import { errorMessage } from '@/lib/actions/messages';
import { contentDisposition, isInlineImage } from '@/lib/recette/evidence-content';
import { getStorage } from '@/lib/storage/select-storage';

function notFound(message: string) {
  return Response.json({ code: 'not_found', message }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Serves one attachment with the type its content was found to be. Only images are shown inline (thumbnails); every
 * other file is a download. `nosniff` keeps the browser from guessing another type, and the sandbox policy keeps
 * anything opened directly from running scripts with the application's origin.
 */
export const GET = projectRoute({
  name: 'downloadAttachment',
  permission: 'project.read',
  query: z.object({}),
  async handler({ db, membership, params, locale }) {
    const id = z.uuid().safeParse(params.id);
    const row = id.success ? await findAttachment(db, membership.projectId, id.data) : null;
    if (!row) return notFound(errorMessage(locale, 'not_found'));
    const body = await getStorage().get(row.storageKey);
    if (!body) {
      console.error(`[route downloadAttachment] object missing for attachment ${row.id}`);
      return notFound(errorMessage(locale, 'not_found'));
    }
    return new Response(body, {
      headers: {
        'Content-Type': row.contentType,
        'Content-Length': String(row.byteSize),
        'Content-Disposition': contentDisposition(row.fileName, isInlineImage(row.contentType)),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': 'sandbox',
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
