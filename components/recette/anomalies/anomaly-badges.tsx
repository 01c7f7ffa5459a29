import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { AnomalySeverity, AnomalyStatus } from '@/lib/recette/anomaly-model';

const SEVERITY_VARIANT = { blocking: 'default', major: 'warning', minor: 'secondary' } as const;

export function SeverityBadge({ severity }: { severity: AnomalySeverity }) {
  const t = useTranslations('anomalies');
  return (
    <Badge variant={SEVERITY_VARIANT[severity]} className={severity === 'blocking' ? 'bg-red-700 text-white' : undefined} title={t(`severityLong.${severity}`)}>
      {t(`severities.${severity}`)}
    </Badge>
  );
}

export function AnomalyStatusBadge({ status }: { status: AnomalyStatus }) {
  const t = useTranslations('anomalies');
  return <Badge variant="outline">{t(`statuses.${status}`)}</Badge>;
}
