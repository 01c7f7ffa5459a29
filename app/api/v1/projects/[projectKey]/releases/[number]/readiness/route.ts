import { apiReleaseReadiness } from '@/db/queries/api-reads';
import { apiRoute } from '@/lib/actions/define-api-route';
import { ActionError } from '@/lib/actions/result';
import { getReleaseReadinessOperation } from '@/lib/api/operations';

export const GET = apiRoute(getReleaseReadinessOperation, {
  async handler({ db, caller, params }) {
    const readiness = await apiReleaseReadiness(db, caller.projectId, params.number);
    if (!readiness) throw new ActionError('not_found');
    return readiness;
  },
});
