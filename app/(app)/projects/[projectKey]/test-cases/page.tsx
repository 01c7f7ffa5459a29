import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { TestCaseFilters } from '@/components/recette/test-case-filters';
import { ExportLink } from '@/components/spreadsheets/export-link';
import { SuspectBadge } from '@/components/traceability/badges';
import { Badge } from '@/components/ui/badge';
import { PagedList } from '@/components/lists/paged-list';
import { ListHeader, NewItemLink } from '@/components/lists/list-header';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { listTestCaseFacets, listTestCases } from '@/db/queries/test-cases';
import { can } from '@/lib/auth/roles';
import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES } from '@/lib/recette/model';
import { requireUser } from '@/lib/session/current-user';
import { formatRef } from '@/lib/traceability/refs';

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
        <div className="rounded-lg border bg-background">
          <Table data-testid="test-cases-table">
            <TableHeader>
              <TableRow>
                <TableHead className="w-24">{t('columns.ref')}</TableHead>
                <TableHead>{t('columns.title')}</TableHead>
                <TableHead>{t('columns.type')}</TableHead>
                <TableHead>{t('columns.priority')}</TableHead>
                <TableHead className="text-right">{t('columns.steps')}</TableHead>
                <TableHead className="text-right">{t('columns.links')}</TableHead>
                <TableHead>{t('columns.suspect')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.flatMap((row, index) => {
                const ref = formatRef('testCase', row.number);
                const cells = [];
                // Rows come folder by folder: a heading row opens each folder.
                if (index === 0 || result.rows[index - 1]!.folder !== row.folder) {
                  cells.push(
                    <TableRow key={`folder-${row.folder}`} className="bg-muted/40 hover:bg-muted/40">
                      <TableCell colSpan={7} className="py-1.5 text-xs font-medium text-muted-foreground">
                        {row.folder ? row.folder.split('/').join(' › ') : t('noFolder')}
                      </TableCell>
                    </TableRow>,
                  );
                }
                cells.push(
                  <TableRow key={row.id} data-testid={`test-case-row-${ref}`}>
                    <TableCell className="whitespace-nowrap font-mono text-xs">
                      <Link href={`${base}/${ref}`} className="text-primary hover:underline">
                        {ref}
                      </Link>
                    </TableCell>
                    <TableCell className="min-w-64">
                      <Link href={`${base}/${ref}`} className="font-medium hover:underline">
                        {row.title}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <Badge variant="outline">{t(`types.${row.type}`)}</Badge>
                    </TableCell>
                    <TableCell>{t(`priorities.${row.priority}`)}</TableCell>
                    <TableCell className="text-right tabular-nums">{row.stepCount}</TableCell>
                    <TableCell className="text-right tabular-nums">{row.linkCount}</TableCell>
                    <TableCell>{row.suspectCount > 0 && <SuspectBadge count={row.suspectCount} />}</TableCell>
                  </TableRow>,
                );
                return cells;
              })}
            </TableBody>
          </Table>
        </div>
      </PagedList>
    </div>
  );
}
