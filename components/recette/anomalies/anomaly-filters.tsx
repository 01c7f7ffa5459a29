import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ANOMALY_SEVERITIES, ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import type { AnomalyListSearch } from '@/lib/recette/anomaly-schema';

interface Option {
  value: string;
  label: string;
}

/** A plain GET form: the filtered list lives in the URL, so it can be bookmarked and shared. */
export function AnomalyFilters({
  values,
  campaigns,
  members,
}: {
  values: Omit<AnomalyListSearch, 'page'>;
  campaigns: Option[];
  members: Option[];
}) {
  const t = useTranslations('anomalies');
  const select = (name: 'severity' | 'status' | 'campaign' | 'assignee', all: string, options: Option[]) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`filter-${name}`}>{t(`filters.${name}`)}</Label>
      <NativeSelect id={`filter-${name}`} name={name} defaultValue={values[name] ?? ''}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
  return (
    <form
      method="get"
      role="search"
      aria-label={t('filters.label')}
      className="grid items-end gap-3 rounded-lg border bg-background p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-q">{t('filters.q')}</Label>
        <Input id="filter-q" type="search" name="q" defaultValue={values.q} placeholder={t('filters.qPlaceholder')} maxLength={200} />
      </div>
      {select('severity', t('filters.allSeverities'), ANOMALY_SEVERITIES.map((v) => ({ value: v, label: t(`severities.${v}`) })))}
      {select('status', t('filters.allStatuses'), [
        { value: 'open', label: t('filters.open') },
        ...ANOMALY_STATUSES.map((v) => ({ value: v, label: t(`statuses.${v}`) })),
      ])}
      {select('campaign', t('filters.allCampaigns'), campaigns)}
      {select('assignee', t('filters.allAssignees'), [{ value: 'none', label: t('filters.unassigned') }, ...members])}
      <Button type="submit" variant="secondary">
        {t('filters.apply')}
      </Button>
    </form>
  );
}
