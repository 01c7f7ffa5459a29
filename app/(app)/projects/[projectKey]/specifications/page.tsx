import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { SpecificationFilters } from '@/components/specifications/specification-filters';
import { SpecificationTable } from '@/components/specifications/specification-table';
import { PagedList } from '@/components/lists/paged-list';
import { ListHeader, NewItemLink } from '@/components/lists/list-header';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { listSpecifications } from '@/db/queries/specifications';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { SPECIFICATION_CATEGORIES, SPECIFICATION_STATUSES } from '@/lib/specifications/model';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Anything malformed in the URL is ignored rather than an error: a hand-edited link still shows a list. */
const searchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .transform((q) => q || undefined)
    .optional()
    .catch(undefined),
  status: z.enum(SPECIFICATION_STATUSES).optional().catch(undefined),
  category: z.enum(SPECIFICATION_CATEGORIES).optional().catch(undefined),
  suspect: z
    .string()
    .optional()
    .transform((value) => value === '1' || value === 'on' || value === 'true')
    .catch(false),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('specifications'))('title') };
}

export default async function SpecificationsPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const search = searchSchema.parse(await searchParams);
  const filters = { q: search.q, status: search.status, category: search.category, suspect: search.suspect };
  const result = await listSpecifications(getDb(), membership.projectId, { ...filters, page: search.page });
  const t = await getTranslations('specifications');
  const base = `/projects/${membership.projectKey}/specifications`;

  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (filters.q) query.set('q', filters.q);
    if (filters.status) query.set('status', filters.status);
    if (filters.category) query.set('category', filters.category);
    if (filters.suspect) query.set('suspect', '1');
    if (page > 1) query.set('page', String(page));
    const qs = query.toString();
    return qs ? `${base}?${qs}` : base;
  };
  // Past the last page (a stale link after deletions or a narrower filter): back to the first.
  if (result.rows.length === 0 && result.page > 1) redirect(pageHref(1));

  const filtered = Boolean(filters.q || filters.status || filters.category || filters.suspect);
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const canWrite = can(membership.role, 'specifications.write');

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <ListHeader title={t('title')} intro={t('intro')}>
        {canWrite && <NewItemLink href={`${base}/new`} label={t('new')} />}
      </ListHeader>
      <SpecificationFilters values={filters} />
      <PagedList
        name="specifications"
        namespace="specifications"
        result={result}
        filtered={filtered}
        canWrite={canWrite}
        clearHref={base}
        pageHref={pageHref}
      >
        <SpecificationTable
          basePath={base}
          rows={result.rows.map((row) => ({
            id: row.id,
            number: row.number,
            title: row.title,
            category: row.category,
            status: row.status,
            requirementCount: row.requirementCount,
            suspectCount: row.suspectCount,
          }))}
        />
      </PagedList>
    </div>
  );
}
