import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
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

/** A plain GET form: the filtered list lives in the URL, so it can be bookmarked and shared. */
export function SpecificationFilters({ values }: { values: SpecificationFilterValues }) {
  const t = useTranslations('specifications');
  return (
    <form
      method="get"
      role="search"
      aria-label={t('filters.label')}
      className="grid items-end gap-3 rounded-lg border bg-background p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto_auto]"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-q">{t('filters.q')}</Label>
        <Input id="filter-q" type="search" name="q" defaultValue={values.q} placeholder={t('filters.qPlaceholder')} maxLength={200} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-status">{t('filters.status')}</Label>
        <NativeSelect id="filter-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">{t('filters.allStatuses')}</option>
          {SPECIFICATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-category">{t('filters.category')}</Label>
        <NativeSelect id="filter-category" name="category" defaultValue={values.category ?? ''}>
          <option value="">{t('filters.allCategories')}</option>
          {SPECIFICATION_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`categories.${category}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <label className="flex h-9 items-center gap-2 text-sm">
        <input type="checkbox" name="suspect" value="1" defaultChecked={values.suspect} className="size-4" />
        {t('filters.suspectOnly')}
      </label>
      <Button type="submit" variant="secondary">
        {t('filters.apply')}
      </Button>
    </form>
  );
}
