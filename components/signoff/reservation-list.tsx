import { Link } from '@/components/ui/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { ReservationView as ReservationRow } from '@/lib/signoff/views';
import { isOverdue, liftingProposed, overdueFirst } from '@/lib/signoff/reservations';
import { formatRef } from '@/lib/traceability/refs';
import { ReservationBadge } from './signoff-badges';

/**
 * Reservations with their anomalies (ref and state), owner and due date; overdue ones are flagged, a proposed
 * lifting says so, and a lifted one links to its PV de levée (in the page's language and the other). `lift` renders an approver's lifting form for a reservation that may be lifted.
 */
export function ReservationList({
  reservations,
  projectKey,
  today,
  lift,
  showRequest = false,
}: {
  reservations: ReservationRow[];
  projectKey: string;
  today: string;
  lift?: (reservation: ReservationRow) => React.ReactNode;
  showRequest?: boolean;
}) {
  const t = useTranslations('signoff.reservations');
  const anomalyT = useTranslations('anomalies.statuses');
  const format = useFormatter();
  const locale = useLocale();
  const otherLocale = locale === 'en' ? 'fr' : 'en';
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'long', timeZone: 'Europe/Paris' });
  if (reservations.length === 0) return <p className="text-sm text-muted-foreground">{t('empty')}</p>;
  const overdueCount = reservations.filter((r) => isOverdue(r.status, r.dueDate, today)).length;
  return (
    <>
      {overdueCount > 0 && (
        <p className="text-sm font-medium text-red-900" data-testid="reservations-overdue">
          {t('overdueSummary', { count: overdueCount })}
        </p>
      )}
      <ul className="flex flex-col gap-3" data-testid="reservations">
        {overdueFirst(reservations, today).map((r) => {
          const overdue = isOverdue(r.status, r.dueDate, today);
          const proposed = liftingProposed(r.status, r.anomalies.map((a) => a.status));
          return (
            <li
              key={r.id}
              className={overdue ? 'flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm' : 'flex flex-col gap-2 rounded-md border p-3 text-sm'}
              data-testid={`reservation-${r.number}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{t('ref', { number: r.number })}</span>
                <ReservationBadge state={r.status === 'lifted' ? 'lifted' : overdue ? 'overdue' : 'open'} />
                {showRequest && (
                  <Link href={`/projects/${projectKey}/approvals/${r.requestNumber}`} className="text-primary underline">
                    {t('fromRequest', { number: r.requestNumber })}
                  </Link>
                )}
              </div>
              <p className="whitespace-pre-wrap">{r.text}</p>
              <p>
                {t('owner', { name: r.ownerName ?? '—' })} · {t('due', { date: day(r.dueDate) })}
                {r.liftedAt && <> · {t('lifted', { date: format.dateTime(r.liftedAt, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }) })}</>}
              </p>
              {r.anomalies.length === 0 ? (
                <p className="text-muted-foreground">{t('noAnomaly')}</p>
              ) : (
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  {r.anomalies.map((a) => {
                    const ref = formatRef('anomaly', a.number);
                    return (
                      <li key={a.id}>
                        <Link href={`/projects/${projectKey}/anomalies/${ref}`} className="text-primary underline">
                          {ref}
                        </Link>{' '}
                        {a.title} ({anomalyT(a.status)})
                      </li>
                    );
                  })}
                </ul>
              )}
              {r.status === 'lifted' && (
                <p className="flex flex-wrap gap-x-4 gap-y-1">
                  <a href={`/api/projects/${projectKey}/reservations/${r.number}/pv?lang=${locale}`} className="text-primary underline" data-testid={`lifting-pv-${r.number}`}>
                    {t('pv')}
                  </a>
                  <a href={`/api/projects/${projectKey}/reservations/${r.number}/pv?lang=${otherLocale}`} hrefLang={otherLocale} className="text-primary underline">
                    {t('pvOther')}
                  </a>
                </p>
              )}
              {proposed && <p className="font-medium text-emerald-900" data-testid="lifting-proposed">{t('proposed')}</p>}
              {lift?.(r)}
            </li>
          );
        })}
      </ul>
    </>
  );
}
