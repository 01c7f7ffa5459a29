import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SeverityBadge } from '@/components/recette/anomalies/anomaly-badges';
import { AnomalyTable } from '@/components/recette/anomalies/anomaly-table';
import { AnomalyFilters } from '@/components/recette/anomalies/anomaly-filters';
import { PagedList } from '@/components/lists/paged-list';
import { ListHeader, NewItemLink } from '@/components/lists/list-header';
import { getDb } from '@/db/client';
import { anomalyCounts, listAnomalies, listAssignableMembers, listCampaignOptions } from '@/db/queries/anomalies';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import { ANOMALY_SEVERITIES, ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import { parseAnomalyListSearch } from '@/lib/recette/anomaly-schema';
import { requireUser } from '@/lib/session/current-user';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('anomalies'))('title') };
}

export default async function AnomaliesPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const { page, ...filters } = parseAnomalyListSearch(await searchParams);
  const db = getDb();
  const [result, counts, campaigns, members] = await Promise.all([
    listAnomalies(db, membership.projectId, { ...filters, page }),
    anomalyCounts(db, membership.projectId),
    listCampaignOptions(db, membership.projectId),
    listAssignableMembers(db, membership.projectId),
  ]);
  const t = await getTranslations('anomalies');
  const format = await getFormatter();
  const base = `/projects/${membership.projectKey}/anomalies`;
  const hrefWith = (query: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) search.set(key, String(value));
    const qs = search.toString();
    return qs ? `${base}?${qs}` : base;
  };
  const pageHref = (n: number) => hrefWith({ ...filters, page: n > 1 ? n : undefined });
  if (result.rows.length === 0 && result.page > 1) redirect(pageHref(1));
  const filtered = Object.values(filters).some(Boolean);
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const canRaise = can(membership.role, 'tests.execute');

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <ListHeader title={t('title')} intro={t('intro')}>
        {canRaise && <NewItemLink href={`${base}/new`} label={t('new')} />}
      </ListHeader>
      <section aria-label={t('counts.label')} className="grid gap-3 rounded-lg border bg-background p-4 md:grid-cols-2" data-testid="anomaly-counts">
        <div className="flex flex-col gap-2">
          <h2 className="text-sm font-medium">{t('counts.bySeverity')}</h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {ANOMALY_SEVERITIES.map((s) => (
              <li key={s}>
                <Link href={hrefWith({ severity: s })} className="inline-flex items-center gap-1 hover:underline" data-testid={`count-severity-${s}`}>
                  <SeverityBadge severity={s} /> <span className="tabular-nums">{counts.severity[s] ?? 0}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-col gap-2">
          <h2 className="text-sm font-medium">{t('counts.byStatus')}</h2>
          <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {ANOMALY_STATUSES.map((s) => (
              <li key={s}>
                <Link href={hrefWith({ status: s })} className="hover:underline" data-testid={`count-status-${s}`}>
                  {t(`statuses.${s}`)} : <span className="tabular-nums">{counts.status[s] ?? 0}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </section>
      <AnomalyFilters
        values={filters}
        campaigns={campaigns.map((c) => ({ value: c.id, label: `#${c.number} ${c.name}` }))}
        members={members.map((m) => ({ value: m.id, label: m.name }))}
      />
      <PagedList
        name="anomalies"
        namespace="anomalies"
        result={result}
        filtered={filtered}
        canWrite={canRaise}
        clearHref={base}
        pageHref={pageHref}
      >
        <AnomalyTable
          basePath={base}
          rows={result.rows.map((row) => ({
            id: row.id,
            number: row.number,
            title: row.title,
            severity: row.severity,
            priority: row.priority,
            status: row.status,
            assigneeName: row.assigneeName,
            campaign: row.campaignNumber ? `#${row.campaignNumber} ${row.campaignName}` : null,
            updated: format.dateTime(row.updatedAt, { dateStyle: 'short', timeStyle: 'short' }),
          }))}
        />
      </PagedList>
    </div>
  );
}
