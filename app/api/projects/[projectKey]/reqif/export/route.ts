import { z } from 'zod';
import { loadReqifExport } from '@/db/queries/reqif';
import { projectRoute } from '@/lib/actions/define-route';
import { buildReqifExport } from '@/lib/interop/reqif/export';
import { contentDisposition } from '@/lib/recette/evidence-content';

/** The project's requirements, specifications and their links as one ReqIF 1.2 file, for any member. */
export const GET = projectRoute({
  name: 'exportReqif',
  permission: 'project.read',
  query: z.object({}),
  async handler({ db, membership }) {
    const now = new Date();
    const content = await loadReqifExport(db, membership.projectId);
    const xml = buildReqifExport({ projectKey: membership.projectKey, projectName: membership.projectName, now, ...content });
    const day = now.toISOString().slice(0, 10);
    return new Response(xml, {
      headers: {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': contentDisposition(`${membership.projectKey}-exigences-${day}.reqif`, false),
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
