import { useTranslations } from 'next-intl';
import { FilterBar, FilterSelect } from '@/components/lists/filter-bar';
import {
  SPECIFICATION_CATEGORIES,
  SPECIFICATION_STATUSES,
  type SpecificationCategory,
  type SpecificationStatus,
} from '@/lib/specifications/model';

export interface SpecificationFilterValues {
  q?: string;
  status?: SpecificationStatus;
  category?: SpecificationCategory;
  suspect?: boolean;
}

/** The specification list's filters (components/lists/filter-bar.tsx). */
export function SpecificationFilters({ values }: { values: SpecificationFilterValues }) {
  const t = useTranslations('specifications');
  return (
    <FilterBar namespace="specifications" q={values.q} suspect={{ checked: values.suspect }} columns="lg:grid-cols-[2fr_1fr_1fr_auto_auto]">
      <FilterSelect
        namespace="specifications"
        name="status"
        value={values.status}
        all={t('filters.allStatuses')}
        options={SPECIFICATION_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <FilterSelect
        namespace="specifications"
        name="category"
        value={values.category}
        all={t('filters.allCategories')}
        options={SPECIFICATION_CATEGORIES.map((category) => ({ value: category, label: t(`categories.${category}`) }))}
      />
    </FilterBar>
  );
}
