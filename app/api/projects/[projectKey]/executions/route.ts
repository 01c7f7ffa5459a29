import { z } from 'zod';
import { executionState } from '@/db/queries/runner';
import { projectRoute } from '@/lib/actions/define-route';
import { errorMessage } from '@/lib/actions/messages';

/**
 * The test runner's state of one execution (TanStack Query reads it; mutations go through the runner's actions):
 * the steps as they were when the run started, the results so far, the verdict, and for a finished run the
 * anomalies it may retest with the proposed move. Another project's execution is not found.
 */
export const GET = projectRoute({
  name: 'readExecution',
  permission: 'project.read',
  query: z.object({ id: z.uuid() }),
  async handler({ db, membership, query, locale }) {
    const state = await executionState(db, membership.projectId, query.id);
    if (!state) return Response.json({ code: 'not_found', message: errorMessage(locale, 'not_found') }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
    return state;
  },
});
