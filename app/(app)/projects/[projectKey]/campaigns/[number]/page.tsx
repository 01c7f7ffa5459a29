import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { addToScope, assignItems, clearItemNotRun, closeCampaign, removeFromScope, setItemNotRun, startCampaign } from '../actions';
import { plannedDates } from '../dates';
import { loadCampaignPage } from './load';
import { CampaignReportApproval } from './report-approval';
import { CampaignChartsLazy } from '@/components/recette/campaigns/campaign-charts-lazy';
import { CampaignItemsTable } from '@/components/recette/campaigns/campaign-items-table';
import { CampaignStatusActions } from '@/components/recette/campaigns/campaign-status-actions';
import { ScopeTools } from '@/components/recette/campaigns/scope-tools';
import { ExportLink } from '@/components/spreadsheets/export-link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import {
  CAMPAIGN_REQUIREMENT_LIMIT,
  campaignAnomalyCounts,
  campaignBurnUp,
  campaignItemStates,
  campaignRequirements,
  campaignStateCounts,
  listScopeFacets,
  listTesters,
} from '@/db/queries/campaigns';
import { can } from '@/lib/auth/roles';
import { ANOMALY_SEVERITIES, ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import { ITEM_STATES, PROGRESS_BUCKETS, progressOf, requirementCampaignState } from '@/lib/recette/campaign-item-state';
import { requireUser } from '@/lib/session/current-user';
import { formatRef } from '@/lib/traceability/refs';

type Props = {
  params: Promise<{ projectKey: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Anything malformed in the URL is ignored rather than an error: a hand-edited link still shows the campaign. */
const searchSchema = z.object({
  state: z.enum(ITEM_STATES).optional().catch(undefined),
  assignee: z.union([z.uuid(), z.literal('none')]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('campaigns');
  return { title: `${t('title')} · ${(await params).number}` };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const { projectKey, number } = await params;
  const { membership, campaign } = await loadCampaignPage(projectKey, number);
  const user = await requireUser();
  const { page, ...filters } = searchSchema.parse(await searchParams);
  const db = getDb();
  const [items, testers, facets, stateCounts, burnUp, anomalyCounts, requirements] = await Promise.all([
    campaignItemStates(db, membership.projectId, campaign.id, { ...filters, page }),
    listTesters(db, membership.projectId),
    listScopeFacets(db, membership.projectId),
    campaignStateCounts(db, campaign.id),
    campaignBurnUp(db, campaign.id),
    campaignAnomalyCounts(db, campaign.id),
    campaignRequirements(db, membership.projectId, campaign.id),
  ]);
  const t = await getTranslations('campaigns');
  const tImport = await getTranslations('resultsImport');
  const tSpreadsheets = await getTranslations('spreadsheets');
  const format = await getFormatter();
  const projectBase = `/projects/${membership.projectKey}`;
  const base = `${projectBase}/campaigns/${campaign.number}`;
  const pageHref = (n: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    if (n > 1) query.set('page', String(n));
    const qs = query.toString();
    return qs ? `${base}?${qs}` : base;
  };
  if (items.rows.length === 0 && items.page > 1) redirect(pageHref(1));
  const open = campaign.status !== 'closed';
  // Showing or hiding controls is a courtesy; the actions check the role and the campaign's status themselves.
  const canWrite = open && can(membership.role, 'tests.write');
  const canExecute = open && can(membership.role, 'tests.execute');
  const progress = progressOf(stateCounts);
  const pages = Math.max(1, Math.ceil(items.total / items.pageSize));
  const filtered = Object.values(filters).some(Boolean);
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  const anomalyCell = (severity: string, status: string) => anomalyCounts.find((a) => a.severity === severity && a.status === status)?.count ?? 0;
  const anomalyStatuses = ANOMALY_STATUSES.filter((status) => anomalyCounts.some((a) => a.status === status));

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <Link href={`${projectBase}/campaigns`} className="text-sm text-muted-foreground hover:underline">
        {t('backToList')}
      </Link>
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex flex-col gap-1">
            <h1 className="text-2xl font-semibold">{t('detail.heading', { number: campaign.number, name: campaign.name })}</h1>
            <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
              <Badge variant="outline">{t(`types.${campaign.type}`)}</Badge>
              <Badge data-testid="campaign-status">{t(`statuses.${campaign.status}`)}</Badge>
              {campaign.environment && <span>{campaign.environment}</span>}
              {campaign.build && <span className="font-mono">{campaign.build}</span>}
              <span>{plannedDates(t, format, campaign.plannedStart, campaign.plannedEnd)}</span>
            </p>
            {campaign.startedAt && <p className="text-xs text-muted-foreground">{t('detail.startedAt', { date: dateTime(campaign.startedAt) })}</p>}
            {campaign.closedAt && (
              <p className="text-xs text-muted-foreground">
                {campaign.closedByName
                  ? t('detail.closedAt', { date: dateTime(campaign.closedAt), name: campaign.closedByName })
                  : t('detail.closedAtNoName', { date: dateTime(campaign.closedAt) })}
              </p>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {canExecute && progress.total > 0 && (
              <Button asChild>
                <Link href={`${base}/run`}>{campaign.status === 'planned' ? t('detail.run') : t('detail.execute')}</Link>
              </Button>
            )}
            {canWrite && (
              <Button asChild variant="outline">
                <Link href={`${base}/edit`}>{t('detail.edit')}</Link>
              </Button>
            )}
            {canWrite && (
              <Button asChild variant="outline">
                <Link href={`${base}/results`}>{tImport('open')}</Link>
              </Button>
            )}
            <ExportLink projectKey={membership.projectKey} what="campaign" campaign={campaign.number} label={tSpreadsheets('export.campaign')} />
          </div>
        </div>
        <p className="max-w-3xl whitespace-pre-line text-sm">{campaign.description || <span className="text-muted-foreground">{t('detail.noDescription')}</span>}</p>
        {!open && (
          <Alert data-testid="campaign-closed" role="status">
            {t('detail.closedNotice')}
          </Alert>
        )}
        {canWrite && (
          <CampaignStatusActions
            projectKey={membership.projectKey}
            campaign={{ id: campaign.id, status: campaign.status, revision: campaign.revision }}
            start={startCampaign}
            close={closeCampaign}
          />
        )}
        <CampaignReportApproval
          projectKey={membership.projectKey}
          projectId={membership.projectId}
          userId={user.id}
          role={membership.role}
          campaign={{ id: campaign.id, status: campaign.status }}
        />
      </header>

      <section aria-labelledby="dashboard-title" className="flex flex-col gap-4" data-testid="campaign-dashboard">
        <h2 id="dashboard-title" className="text-xl font-semibold">
          {t('dashboard.title')}
        </h2>
        <Card>
          <CardHeader>
            <CardTitle>{t('dashboard.progress')}</CardTitle>
            <CardDescription>{t('progressSummary', { done: progress.total - progress.remaining, total: progress.total })}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="campaign-progress">
              {PROGRESS_BUCKETS.map((bucket) => (
                <div key={bucket} className="rounded-md border p-3">
                  <dt className="text-xs text-muted-foreground">{t(`buckets.${bucket}`)}</dt>
                  <dd className="text-2xl font-semibold tabular-nums" data-testid={`progress-${bucket}`}>
                    {progress[bucket]}
                  </dd>
                </div>
              ))}
            </dl>
            <CampaignChartsLazy progress={progress} burnUp={burnUp} />
            <p className="text-xs text-muted-foreground">{burnUp.some((d) => d.executed > 0) ? t('dashboard.burnUpIntro') : t('dashboard.burnUpEmpty')}</p>
          </CardContent>
        </Card>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t('dashboard.anomalies')}</CardTitle>
            </CardHeader>
            <CardContent>
              {anomalyCounts.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('dashboard.anomaliesEmpty')}</p>
              ) : (
                <Table data-testid="campaign-anomalies">
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t('dashboard.severity')}</TableHead>
                      {anomalyStatuses.map((status) => (
                        <TableHead key={status} className="text-right">
                          {t(`dashboard.anomalyStatuses.${status}`)}
                        </TableHead>
                      ))}
                      <TableHead className="text-right">{t('dashboard.total')}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {ANOMALY_SEVERITIES.map((severity) => (
                      <TableRow key={severity}>
                        <TableCell>{t(`dashboard.severities.${severity}`)}</TableCell>
                        {anomalyStatuses.map((status) => (
                          <TableCell key={status} className="text-right tabular-nums">
                            {anomalyCell(severity, status)}
                          </TableCell>
                        ))}
                        <TableCell className="text-right font-medium tabular-nums">
                          {anomalyCounts.filter((a) => a.severity === severity).reduce((sum, a) => sum + a.count, 0)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('dashboard.requirements')}</CardTitle>
              <CardDescription>{t('dashboard.requirementsIntro')}</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-2">
              {requirements.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('dashboard.requirementsEmpty')}</p>
              ) : (
                <Table data-testid="campaign-requirements">
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t('dashboard.requirement')}</TableHead>
                      <TableHead>{t('items.columns.state')}</TableHead>
                      <TableHead className="text-right">{t('dashboard.items')}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {requirements.map((r) => {
                      const ref = formatRef('requirement', r.number);
                      const state = requirementCampaignState(r);
                      return (
                        <TableRow key={r.id} data-testid={`campaign-requirement-${ref}`}>
                          <TableCell>
                            <Link href={`${projectBase}/requirements/${ref}`} className="font-mono text-xs text-primary hover:underline">
                              {ref}
                            </Link>{' '}
                            {r.title}
                          </TableCell>
                          <TableCell>{t(`dashboard.requirementStates.${state}`)}</TableCell>
                          <TableCell className="text-right tabular-nums">
                            {r.passed + r.failed + r.blocked + r.not_run + r.in_progress + r.not_started}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              )}
              {requirements[0] && requirements[0].total > CAMPAIGN_REQUIREMENT_LIMIT && (
                <p className="text-xs text-muted-foreground">{t('dashboard.requirementsMore', { shown: CAMPAIGN_REQUIREMENT_LIMIT, total: requirements[0].total })}</p>
              )}
            </CardContent>
          </Card>
        </div>
      </section>

      <section aria-labelledby="items-title" className="flex flex-col gap-3">
        <h2 id="items-title" className="text-xl font-semibold">
          {t('items.title')}
        </h2>
        {canWrite && (
          <Card>
            <CardHeader>
              <CardTitle>{t('scope.title')}</CardTitle>
              <CardDescription>{t('scope.intro')}</CardDescription>
            </CardHeader>
            <CardContent>
              <ScopeTools projectKey={membership.projectKey} campaignId={campaign.id} tags={facets.tags} folders={facets.folders} add={addToScope} />
            </CardContent>
          </Card>
        )}
        <form method="get" action={base} aria-label={t('items.filters.label')} className="flex flex-wrap items-end gap-3" data-testid="item-filters">
          <div className="flex flex-col gap-1">
            <Label htmlFor="filter-state">{t('items.filters.state')}</Label>
            <NativeSelect id="filter-state" name="state" defaultValue={filters.state ?? ''}>
              <option value="">{t('items.filters.all')}</option>
              {ITEM_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`states.${state}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="filter-assignee">{t('items.filters.assignee')}</Label>
            <NativeSelect id="filter-assignee" name="assignee" defaultValue={filters.assignee ?? ''}>
              <option value="">{t('items.filters.all')}</option>
              <option value="none">{t('items.filters.nobody')}</option>
              {testers.map((tester) => (
                <option key={tester.id} value={tester.id}>
                  {tester.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="submit" variant="outline">
            {t('items.filters.apply')}
          </Button>
          {filtered && (
            <Button asChild variant="ghost">
              <Link href={base}>{t('items.clearFilters')}</Link>
            </Button>
          )}
        </form>
        <p className="text-sm text-muted-foreground" data-testid="items-total" aria-live="polite">
          {t('items.total', { count: items.total })}
        </p>
        {items.rows.length === 0 ? (
          <p className="rounded-lg border bg-background p-6 text-center text-sm text-muted-foreground" data-testid="items-empty">
            {filtered ? t('items.filtered') : t('items.empty')}
          </p>
        ) : (
          <CampaignItemsTable
            projectKey={membership.projectKey}
            campaignId={campaign.id}
            campaignPath={base}
            testCasesPath={`${projectBase}/test-cases`}
            rows={items.rows.map((r) => ({
              id: r.id,
              ref: formatRef('testCase', r.testCaseNumber),
              title: r.title,
              position: r.position,
              plannedVersion: r.plannedVersion,
              currentVersion: r.currentVersion,
              changed: r.changed,
              assigneeName: r.assigneeName,
              notRunReason: r.notRunReason,
              revision: r.revision,
              state: r.state,
              toRetest: r.toRetest,
            }))}
            canWrite={canWrite}
            canExecute={canExecute}
            testers={testers}
            assign={assignItems}
            remove={removeFromScope}
            setNotRun={setItemNotRun}
            clearNotRun={clearItemNotRun}
          />
        )}
        {pages > 1 && (
          <nav aria-label={t('pagination')} className="flex items-center justify-end gap-3 text-sm">
            {items.page > 1 && (
              <Button asChild variant="outline" size="sm">
                <Link href={pageHref(items.page - 1)} rel="prev">
                  {t('previous')}
                </Link>
              </Button>
            )}
            <span className="text-muted-foreground">{t('pageOf', { page: items.page, pages })}</span>
            {items.page < pages && (
              <Button asChild variant="outline" size="sm">
                <Link href={pageHref(items.page + 1)} rel="next">
                  {t('next')}
                </Link>
              </Button>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
