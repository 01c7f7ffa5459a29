import 'server-only';

const override = Number(process.env.PASSERELLE_LIST_PAGE_ROWS);

/**
 * Rows per page (or per window, or per tree level) of the big lists. PASSERELLE_LIST_PAGE_ROWS replaces every such
 * size at once: the end-to-end suite sets it low so the demo project's few rows already span several pages.
 */
export function listPageSize(standard: number): number {
  return Number.isInteger(override) && override > 0 ? override : standard;
}
