import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { PagedList } from '@/components/lists/paged-list';
import { ListHeader, NewItemLink } from '@/components/lists/list-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listCampaigns } from '@/db/queries/campaigns';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { plannedDates } from './dates';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined) });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('title') };
}

export default async function CampaignsPage({ params, searchParams }: Props) {
  const membership = await requireProjectMembership(await requireUser(), (await params).projectKey);
  const { page } = searchSchema.parse(await searchParams);
  const result = await listCampaigns(getDb(), membership.projectId, { page });
  const t = await getTranslations('campaigns');
  const format = await getFormatter();
  const base = `/projects/${membership.projectKey}/campaigns`;
  const pageHref = (n: number) => (n > 1 ? `${base}?page=${n}` : base);
  if (result.rows.length === 0 && result.page > 1) redirect(pageHref(1));
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const canWrite = can(membership.role, 'tests.write');

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <ListHeader title={t('title')} intro={t('intro')}>
        {canWrite && <NewItemLink href={`${base}/new`} label={t('new')} />}
      </ListHeader>
      <PagedList
        name="campaigns"
        namespace="campaigns"
        result={result}
        canWrite={canWrite}
        clearHref={base}
        pageHref={pageHref}
      >
        <div className="rounded-lg border bg-background">
          <Table data-testid="campaigns-table">
            <TableHeader>
              <TableRow>
                <TableHead className="w-12">{t('columns.number')}</TableHead>
                <TableHead>{t('columns.name')}</TableHead>
                <TableHead>{t('columns.type')}</TableHead>
                <TableHead>{t('columns.status')}</TableHead>
                <TableHead>{t('columns.environment')}</TableHead>
                <TableHead>{t('columns.dates')}</TableHead>
                <TableHead>{t('columns.progress')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((row) => {
                const settled = row.passed + row.failed + row.blocked + row.notRun;
                return (
                  <TableRow key={row.id} data-testid={`campaign-row-${row.number}`}>
                    <TableCell className="tabular-nums">{row.number}</TableCell>
                    <TableCell className="min-w-56">
                      <Link href={`${base}/${row.number}`} className="font-medium text-primary hover:underline">
                        {row.name}
                      </Link>
                      {row.build && <p className="text-xs text-muted-foreground">{row.build}</p>}
                    </TableCell>
                    <TableCell>
                      <Badge variant="outline">{t(`types.${row.type}`)}</Badge>
                    </TableCell>
                    <TableCell>{t(`statuses.${row.status}`)}</TableCell>
                    <TableCell>{row.environment}</TableCell>
                    <TableCell className="whitespace-nowrap text-sm">{plannedDates(t, format, row.plannedStart, row.plannedEnd)}</TableCell>
                    <TableCell className="text-sm">
                      <p>{t('progressSummary', { done: settled, total: row.items })}</p>
                      <p className="text-xs text-muted-foreground">
                        {t('buckets.passed')} {row.passed} · {t('buckets.failed')} {row.failed} · {t('buckets.blocked')} {row.blocked} · {t('buckets.not_run')} {row.notRun}
                      </p>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </PagedList>
    </div>
  );
}
