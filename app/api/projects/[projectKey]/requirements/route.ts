import { z } from 'zod';
import { listRequirements, REQUIREMENT_TREE_PAGE_SIZE, requirementInProject } from '@/db/queries/requirements';
import { ActionError } from '@/lib/actions/result';
import { projectRoute } from '@/lib/actions/define-route';
import { toRequirementListRow } from '@/lib/requirements/list-row';

/**
 * One level of the requirement tree, a page at a time: the top level (`parent=root`) or the requirements filed
 * directly under `parent`. The tree reads a chapter when it is opened, so no page carries the whole project.
 */
export const GET = projectRoute({
  name: 'listRequirementTreeLevel',
  permission: 'project.read',
  query: z.object({
    parent: z.union([z.literal('root'), z.uuid()]).default('root'),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  }),
  async handler({ db, membership, query }) {
    // A parent of another project (or none at all) is not found, rather than an empty level that would let a
    // member of both projects probe the other one's ids from here.
    if (query.parent !== 'root' && !(await requirementInProject(db, membership.projectId, query.parent))) throw new ActionError('not_found');
    const list = await listRequirements(db, membership.projectId, {
      parentId: query.parent === 'root' ? null : query.parent,
      page: query.page,
      pageSize: REQUIREMENT_TREE_PAGE_SIZE,
    });
    return { rows: list.rows.map(toRequirementListRow), total: list.total, page: list.page, pageSize: list.pageSize };
  },
});
