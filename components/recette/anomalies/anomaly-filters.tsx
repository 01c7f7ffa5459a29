import { useTranslations } from 'next-intl';
import { FilterBar, FilterSelect, type FilterOption } from '@/components/lists/filter-bar';
import { ANOMALY_SEVERITIES, ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import type { AnomalyListSearch } from '@/lib/recette/anomaly-schema';

/** The anomaly list's filters (components/lists/filter-bar.tsx). */
export function AnomalyFilters({
  values,
  campaigns,
  members,
}: {
  values: Omit<AnomalyListSearch, 'page'>;
  campaigns: FilterOption[];
  members: FilterOption[];
}) {
  const t = useTranslations('anomalies');
  const select = (name: 'severity' | 'status' | 'campaign' | 'assignee', all: string, options: FilterOption[]) => (
    <FilterSelect namespace="anomalies" name={name} value={values[name]} all={all} options={options} />
  );
  return (
    <FilterBar namespace="anomalies" q={values.q} columns="lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]">
      {select('severity', t('filters.allSeverities'), ANOMALY_SEVERITIES.map((v) => ({ value: v, label: t(`severities.${v}`) })))}
      {select('status', t('filters.allStatuses'), [
        { value: 'open', label: t('filters.open') },
        ...ANOMALY_STATUSES.map((v) => ({ value: v, label: t(`statuses.${v}`) })),
      ])}
      {select('campaign', t('filters.allCampaigns'), campaigns)}
      {select('assignee', t('filters.allAssignees'), [{ value: 'none', label: t('filters.unassigned') }, ...members])}
    </FilterBar>
  );
}
