import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import type { SnapshotAnomaly, SnapshotCampaign, SnapshotRequirement } from '@/lib/signoff/readiness-snapshot';
import { formatRef } from '@/lib/traceability/refs';

/** The items behind the criteria, as lists: shared by the live release page and a frozen go / no-go record. */
export function CampaignResults({ campaigns, href }: { campaigns: SnapshotCampaign[]; href?: (number: number) => string }) {
  const t = useTranslations('readiness');
  if (campaigns.length === 0) return <p className="text-sm text-muted-foreground">{t('campaigns.none')}</p>;
  return (
    <ul className="flex flex-col gap-2" data-testid="release-campaigns">
      {campaigns.map((c) => (
        <li key={c.number} className="rounded-md border bg-background p-3 text-sm">
          <p className="font-medium">
            {href ? (
              <Link href={href(c.number)} className="text-primary hover:underline">
                {c.number}. {c.name}
              </Link>
            ) : (
              <>
                {c.number}. {c.name}
              </>
            )}{' '}
            <span className="font-normal text-muted-foreground">({t(`campaignStatuses.${c.status as 'closed'}`)})</span>
          </p>
          <p className="text-muted-foreground">{t('campaigns.environment', { environment: c.environment || '—', build: c.build || '—' })}</p>
          <p>{t('campaigns.results', c.results)}</p>
        </li>
      ))}
    </ul>
  );
}

export function OpenAnomalies({ anomalies, total, href }: { anomalies: SnapshotAnomaly[]; total: number; href?: (number: number) => string }) {
  const t = useTranslations('readiness');
  if (anomalies.length === 0) return <p className="text-sm text-muted-foreground">{t('anomalies.none')}</p>;
  return (
    <div className="flex flex-col gap-1">
      <ul className="flex flex-col gap-1 text-sm" data-testid="release-anomalies">
        {anomalies.map((a) => {
          const ref = formatRef('anomaly', a.number);
          return (
            <li key={a.number} className="flex flex-wrap gap-x-2">
              {href ? (
                <Link href={href(a.number)} className="font-medium text-primary hover:underline">
                  {ref}
                </Link>
              ) : (
                <span className="font-medium">{ref}</span>
              )}
              <span>{a.title}</span>
              <span className="text-muted-foreground">
                {t(`severities.${a.severity as 'major'}`)} · {t(`anomalyStatuses.${a.status as 'new'}`)}
              </span>
            </li>
          );
        })}
      </ul>
      {total > anomalies.length && <p className="text-xs text-muted-foreground">{t('anomalies.shown', { shown: anomalies.length, total })}</p>}
    </div>
  );
}

export function RequirementGaps({ gaps, total, href }: { gaps: SnapshotRequirement[]; total: number; href?: (number: number) => string }) {
  const t = useTranslations('readiness');
  if (gaps.length === 0) return <p className="text-sm text-muted-foreground">{t('gaps.none')}</p>;
  return (
    <div className="flex flex-col gap-1">
      <ul className="flex flex-col gap-1 text-sm" data-testid="requirement-gaps">
        {gaps.map((g) => {
          const ref = formatRef('requirement', g.number);
          return (
            <li key={g.number} className="flex flex-wrap gap-x-2">
              {href ? (
                <Link href={href(g.number)} className="font-medium text-primary hover:underline">
                  {ref}
                </Link>
              ) : (
                <span className="font-medium">{ref}</span>
              )}
              <span>{g.title}</span>
              <span className="text-muted-foreground">{t(`gaps.${g.gap}`)}</span>
            </li>
          );
        })}
      </ul>
      {total > gaps.length && <p className="text-xs text-muted-foreground">{t('gaps.shown', { shown: gaps.length, total })}</p>}
    </div>
  );
}
