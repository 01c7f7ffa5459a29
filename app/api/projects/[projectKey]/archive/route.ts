import { z } from 'zod';
import { exportProjectArchive } from '@/db/queries/project-archive/export';
import { projectRoute } from '@/lib/actions/define-route';
import { TIME_ZONE } from '@/lib/i18n/locales';
import { getStorage } from '@/lib/storage/select-storage';

const parisDate = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);

/**
 * The whole project as one .zip (db/queries/project-archive/export.ts), streamed as it is read: for a backup or to
 * import it into another instance. Everything the project holds leaves with it, so only its owner may.
 */
export const GET = projectRoute({
  name: 'exportProjectArchive',
  permission: 'project.manage',
  query: z.object({}),
  async handler({ db, membership }) {
    const body = exportProjectArchive(db, getStorage(), membership.projectId);
    return new Response(body, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${membership.projectKey}-projet-${parisDate(new Date())}.zip"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
