import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { TestCaseFilters } from '@/components/recette/test-case-filters';
import { TestCaseTable } from '@/components/recette/test-case-table';
import { ExportLink } from '@/components/spreadsheets/export-link';
import { PagedList } from '@/components/lists/paged-list';
import { ListHeader, NewItemLink } from '@/components/lists/list-header';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { listTestCaseFacets, listTestCases } from '@/db/queries/test-cases';
import { can } from '@/lib/auth/roles';
import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES } from '@/lib/recette/model';
import { requireUser } from '@/lib/session/current-user';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const optionalText = z
  .string()
  .trim()
  .max(300)
  .transform((v) => v || undefined)
  .optional()
  .catch(undefined);

/** Anything malformed in the URL is ignored rather than an error: a hand-edited link still shows a list. */
const searchSchema = z.object({
  q: optionalText,
  type: z.enum(TEST_CASE_TYPES).optional().catch(undefined),
  priority: z.enum(TEST_CASE_PRIORITIES).optional().catch(undefined),
  folder: optionalText,
  tag: optionalText,
  suspect: z
    .string()
    .optional()
    .transform((value) => value === '1' || value === 'on' || value === 'true')
    .catch(false),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('testCases'))('title') };
}

export default async function TestCasesPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const { page, ...filters } = searchSchema.parse(await searchParams);
  const db = getDb();
  const [result, facets] = await Promise.all([
    listTestCases(db, membership.projectId, { ...filters, page }),
    listTestCaseFacets(db, membership.projectId),
  ]);
  const t = await getTranslations('testCases');
  const tSpreadsheets = await getTranslations('spreadsheets');
  const base = `/projects/${membership.projectKey}/test-cases`;
  const pageHref = (n: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value === true ? '1' : String(value));
    if (n > 1) query.set('page', String(n));
    const qs = query.toString();
    return qs ? `${base}?${qs}` : base;
  };
  if (result.rows.length === 0 && result.page > 1) redirect(pageHref(1));
  const filtered = Object.values(filters).some(Boolean);
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const canWrite = can(membership.role, 'tests.write');

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <ListHeader title={t('title')} intro={t('intro')}>
        <div className="flex flex-wrap gap-2">
          <ExportLink projectKey={membership.projectKey} what="testCases" label={tSpreadsheets('export.testCases')} />
          {canWrite && (
            <Button asChild variant="outline">
              <Link href={`/projects/${membership.projectKey}/imports/test-cases`} data-testid="import-test-cases-link">
                {tSpreadsheets('import.testCasesLink')}
              </Link>
            </Button>
          )}
          {canWrite && <NewItemLink href={`${base}/new`} label={t('new')} />}
        </div>
      </ListHeader>
      <TestCaseFilters values={filters} folders={facets.folders} tags={facets.tags} />
      <PagedList
        name="test-cases"
        namespace="testCases"
        result={result}
        filtered={filtered}
        canWrite={canWrite}
        clearHref={base}
        pageHref={pageHref}
      >
        <TestCaseTable
          basePath={base}
          rows={result.rows.map((row) => ({
            id: row.id,
            number: row.number,
            title: row.title,
            type: row.type,
            priority: row.priority,
            folder: row.folder,
            stepCount: row.stepCount,
            linkCount: row.linkCount,
            suspectCount: row.suspectCount,
          }))}
        />
      </PagedList>
    </div>
  );
}
