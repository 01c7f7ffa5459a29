import { getFormatter, getTranslations } from 'next-intl/server';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ITEM_STATES } from '@/lib/recette/campaign-item-state';
import { anomaliesBySeverity, type CampaignReportSnapshot } from '@/lib/signoff/campaign-report';
import { formatRef } from '@/lib/traceability/refs';

/**
 * A campaign report exactly as it was frozen for approval: the campaign, its counts by verdict, every test case's
 * verdict with who ran it and when, and its anomalies by severity. Read on a phone by the MOA: the tables scroll
 * sideways inside their box, the page itself never does.
 */
export async function CampaignReport({ snapshot }: { snapshot: CampaignReportSnapshot }) {
  const t = await getTranslations('signoff.campaignReport');
  const campaignsT = await getTranslations('campaigns');
  const readiness = await getTranslations('readiness');
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const { campaign } = snapshot;
  const field = (label: string, value: string) => (
    <div className="flex flex-col sm:flex-row sm:gap-2">
      <dt className="font-medium sm:w-40 sm:shrink-0">{label}</dt>
      <dd className="break-words">{value || '—'}</dd>
    </div>
  );
  return (
    <div className="flex flex-col gap-4" data-testid="campaign-report">
      <p className="text-sm text-muted-foreground">{t('frozen')}</p>
      <dl className="flex flex-col gap-1 text-sm">
        {field(t('campaign'), `${campaign.number}. ${campaign.name}`)}
        {field(t('type'), campaignsT(`types.${campaign.type}` as 'types.vabf'))}
        {field(t('environment'), campaign.environment)}
        {field(t('build'), campaign.build)}
        {campaign.description !== '' && field(t('description'), campaign.description)}
        {campaign.plannedStart && campaign.plannedEnd && field(t('planned'), t('plannedValue', { start: day(campaign.plannedStart), end: day(campaign.plannedEnd) }))}
        {campaign.startedAt && field(t('started'), when(campaign.startedAt))}
        {campaign.closedAt && field(t('closed'), when(campaign.closedAt))}
        {campaign.closedBy && field(t('closedBy'), campaign.closedBy)}
      </dl>

      <section aria-labelledby="report-counts" className="flex flex-col gap-2">
        <h3 id="report-counts" className="font-semibold">
          {t('counts')}
        </h3>
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="report-counts">
          {ITEM_STATES.filter((s) => snapshot.counts[s] > 0).map((s) => (
            <li key={s} className="rounded-md border px-2 py-1" data-testid={`report-count-${s}`}>
              {campaignsT(`states.${s}`)} : <span className="font-semibold tabular-nums">{snapshot.counts[s]}</span>
            </li>
          ))}
          <li className="rounded-md border px-2 py-1">
            {t('total')} : <span className="font-semibold tabular-nums">{snapshot.counts.total}</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="report-results" className="flex flex-col gap-2">
        <h3 id="report-results" className="font-semibold">
          {t('results')}
        </h3>
        {snapshot.results.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('noResults')}</p>
        ) : (
          <div className="max-w-full overflow-x-auto rounded-md border">
            <Table data-testid="report-results">
              <TableHeader>
                <TableRow>
                  <TableHead>{t('testCase')}</TableHead>
                  <TableHead>{t('verdict')}</TableHead>
                  <TableHead>{t('executedBy')}</TableHead>
                  <TableHead>{t('executedAt')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {snapshot.results.map((r) => (
                  <TableRow key={r.testCase} data-testid={`report-result-${r.testCase}`}>
                    <TableCell className="min-w-48">
                      <span className="font-medium">{formatRef('testCase', r.testCase)}</span> {r.title}
                      {r.notRunReason && <span className="block text-xs">{t('notRunReason', { reason: r.notRunReason })}</span>}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{campaignsT(`states.${r.verdict}`)}</TableCell>
                    <TableCell>{r.executedBy ?? '—'}</TableCell>
                    <TableCell className="whitespace-nowrap">{r.executedAt ? when(r.executedAt) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="report-anomalies" className="flex flex-col gap-2">
        <h3 id="report-anomalies" className="font-semibold">
          {t('anomalies')}
        </h3>
        {snapshot.anomalies.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('noAnomalies')}</p>
        ) : (
          anomaliesBySeverity(snapshot.anomalies)
            .filter((group) => group.total > 0)
            .map((group) => (
              <div key={group.severity} className="flex flex-col gap-1" data-testid={`report-anomalies-${group.severity}`}>
                <p className="text-sm font-medium">
                  {t('severityLine', { severity: readiness(`severities.${group.severity}`), total: group.total, open: group.open })}
                </p>
                <ul className="flex flex-col gap-1 text-sm">
                  {group.anomalies.map((a) => (
                    <li key={a.number} className="break-words">
                      <span className="font-medium">{formatRef('anomaly', a.number)}</span> {a.title} — {readiness(`anomalyStatuses.${a.status}`)}
                    </li>
                  ))}
                </ul>
              </div>
            ))
        )}
      </section>
    </div>
  );
}
