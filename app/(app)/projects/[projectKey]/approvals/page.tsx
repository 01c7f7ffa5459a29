import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ApprovalStatusBadge } from '@/components/signoff/signoff-badges';
import { ReservationList } from '@/components/signoff/reservation-list';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { inboxFor, listApprovalRequests, listReservations } from '@/db/queries/approvals';
import { requireProjectMembership } from '@/db/queries/project-access';
import { isOverdue, parisToday } from '@/lib/signoff/reservations';
import { requireUser } from '@/lib/session/current-user';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signoff'))('title') };
}

export default async function ApprovalsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<{ reservations?: string }>;
}) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const db = getDb();
  const [inbox, requests, reservations] = await Promise.all([
    inboxFor(db, membership.projectId, user.id),
    listApprovalRequests(db, membership.projectId),
    listReservations(db, membership.projectId),
  ]);
  const t = await getTranslations('signoff');
  const format = await getFormatter();
  const base = `/projects/${membership.projectKey}/approvals`;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const today = parisToday(new Date());
  const overdue = reservations.filter((r) => isOverdue(r.status, r.dueDate, today));
  const onlyOverdue = (await searchParams).reservations === 'overdue';

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
        </div>
        <nav aria-label={t('title')} className="flex flex-wrap gap-3 text-sm">
          <Link href={`${base}/baselines`} className="text-primary hover:underline">
            {t('links.baselines')}
          </Link>
          <Link href={`${base}/raci`} className="text-primary hover:underline">
            {t('links.raci')}
          </Link>
        </nav>
      </div>

      <section aria-labelledby="inbox-title" className="flex flex-col gap-2 rounded-lg border bg-background p-4" data-testid="inbox">
        <h2 id="inbox-title" className="text-lg font-semibold">
          {t('inbox.title')} <span className="text-sm font-normal">({t('inbox.count', { count: inbox.length })})</span>
        </h2>
        {inbox.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('inbox.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {inbox.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 text-sm">
                <Link href={`${base}/${r.number}`} className="font-medium text-primary hover:underline" data-testid={`inbox-${r.number}`}>
                  {r.campaignNumber !== null
                    ? t('review.campaignTitle', { number: r.number, campaign: r.campaignNumber, name: r.campaignName ?? '' })
                    : t('review.title', { number: r.number, baseline: r.baselineNumber ?? 0, name: r.baselineName ?? '' })}
                </Link>
                <span>{t('review.requestedBy', { name: r.requestedByName ?? '—', date: when(r.requestedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests-title" className="flex flex-col gap-2">
        <h2 id="requests-title" className="text-lg font-semibold">
          {t('requests.title')}
        </h2>
        {requests.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('requests.empty')}</p>
        ) : (
          <div className="rounded-lg border bg-background">
            <Table data-testid="requests-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t('requests.columns.number')}</TableHead>
                  <TableHead>{t('requests.columns.deliverable')}</TableHead>
                  <TableHead>{t('requests.columns.requestedBy')}</TableHead>
                  <TableHead>{t('requests.columns.requestedAt')}</TableHead>
                  <TableHead>{t('requests.columns.status')}</TableHead>
                  <TableHead>{t('requests.columns.signatures')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {requests.map((r) => (
                  <TableRow key={r.id} data-testid={`request-row-${r.number}`}>
                    <TableCell>
                      <Link href={`${base}/${r.number}`} className="text-primary hover:underline">
                        {t('requests.ref', { number: r.number })}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {t(`deliverables.${r.deliverable}`)}
                      {r.baselineNumber !== null && <> · {t('baselines.heading', { number: r.baselineNumber, name: r.baselineName ?? '' })}</>}
                      {r.campaignNumber !== null && <> · {`${r.campaignNumber}. ${r.campaignName ?? ''}`}</>}
                    </TableCell>
                    <TableCell>{r.requestedByName ?? '—'}</TableCell>
                    <TableCell className="whitespace-nowrap">{when(r.requestedAt)}</TableCell>
                    <TableCell>
                      <ApprovalStatusBadge status={r.status} />
                    </TableCell>
                    <TableCell className="tabular-nums">{r.signed}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="reservations-title" className="flex flex-col gap-2">
        <h2 id="reservations-title" className="text-lg font-semibold">
          {t('reservations.title')}
        </h2>
        {reservations.length > 0 && (
          <nav aria-label={t('reservations.filterLabel')} className="flex flex-wrap gap-3 text-sm" data-testid="reservation-filter">
            <Link href={base} aria-current={onlyOverdue ? undefined : 'page'} className={onlyOverdue ? 'text-primary underline' : 'font-semibold'}>
              {t('reservations.filterAll', { count: reservations.length })}
            </Link>
            <Link href={`${base}?reservations=overdue`} aria-current={onlyOverdue ? 'page' : undefined} className={onlyOverdue ? 'font-semibold' : 'text-primary underline'}>
              {t('reservations.filterOverdue', { count: overdue.length })}
            </Link>
          </nav>
        )}
        <ReservationList reservations={onlyOverdue ? overdue : reservations} projectKey={membership.projectKey} today={today} showRequest />
      </section>
    </div>
  );
}
