import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ThresholdsForm } from '@/components/signoff/thresholds-form';
import { ListHeader, NewItemLink } from '@/components/lists/list-header';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findThresholds, listReleases } from '@/db/queries/readiness';
import { can } from '@/lib/auth/roles';
import type { Decision } from '@/lib/signoff/readiness-model';
import { requireUser } from '@/lib/session/current-user';
import { updateReadinessThresholds } from './actions';
import { calendarDate } from './dates';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined) });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('readiness'))('title') };
}

export default async function ReleasesPage({ params, searchParams }: Props) {
  const membership = await requireProjectMembership(await requireUser(), (await params).projectKey);
  const { page } = searchSchema.parse(await searchParams);
  const db = getDb();
  const [result, thresholds] = [await listReleases(db, membership.projectId, { page }), await findThresholds(db, membership.projectId)];
  const t = await getTranslations('readiness');
  const format = await getFormatter();
  const base = `/projects/${membership.projectKey}/readiness`;
  const pageHref = (n: number) => (n > 1 ? `${base}?page=${n}` : base);
  if (result.rows.length === 0 && result.page > 1) redirect(pageHref(1));
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const canWrite = can(membership.role, 'tests.write');
  const canManage = can(membership.role, 'project.manage');
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <ListHeader title={t('title')} intro={t('intro')}>
        {canWrite && <NewItemLink href={`${base}/new`} label={t('new')} />}
      </ListHeader>
      <p className="text-sm text-muted-foreground" data-testid="releases-total">
        {t('total', { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-lg border bg-background p-8 text-center" data-testid="releases-empty">
          <p className="font-medium">{t('empty.title')}</p>
          <p className="max-w-xl text-sm text-muted-foreground">{canWrite ? t('empty.writer') : t('empty.reader')}</p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-background">
          <Table data-testid="releases-table">
            <TableHeader>
              <TableRow>
                <TableHead className="w-12">{t('columns.number')}</TableHead>
                <TableHead>{t('columns.name')}</TableHead>
                <TableHead>{t('columns.targetDate')}</TableHead>
                <TableHead>{t('columns.campaigns')}</TableHead>
                <TableHead>{t('columns.decision')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((row) => (
                <TableRow key={row.id} data-testid={`release-row-${row.number}`}>
                  <TableCell className="tabular-nums">{row.number}</TableCell>
                  <TableCell className="min-w-48">
                    <Link href={`${base}/${row.number}`} className="font-medium text-primary hover:underline">
                      {row.name}
                    </Link>
                    {row.version && <p className="text-xs text-muted-foreground">{t('release.version', { version: row.version })}</p>}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-sm">{row.targetDate ? calendarDate(format, row.targetDate) : t('noTargetDate')}</TableCell>
                  <TableCell className="tabular-nums">{row.campaigns}</TableCell>
                  <TableCell className="text-sm">{row.decision ? t(`decisions.${row.decision as Decision}`) : t('notDecided')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('pagination')} className="flex items-center justify-end gap-3 text-sm">
          {result.page > 1 && (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(result.page - 1)} rel="prev">
                {t('previous')}
              </Link>
            </Button>
          )}
          <span className="text-muted-foreground">{t('pageOf', { page: result.page, pages })}</span>
          {result.page < pages && (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(result.page + 1)} rel="next">
                {t('next')}
              </Link>
            </Button>
          )}
        </nav>
      )}
      <section className="flex flex-col gap-2 rounded-lg border bg-background p-4" aria-labelledby="thresholds-title" data-testid="thresholds">
        <h2 id="thresholds-title" className="text-lg font-semibold">
          {t('thresholds.title')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('thresholds.intro')}</p>
        {canManage ? (
          <ThresholdsForm projectKey={membership.projectKey} initial={thresholds} save={updateReadinessThresholds} />
        ) : (
          <p className="text-sm">{t('thresholds.summary', { maxBlocking: thresholds.maxBlocking, maxMajor: thresholds.maxMajor })}</p>
        )}
      </section>
    </div>
  );
}
