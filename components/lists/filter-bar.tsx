import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/ui/cn';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * The filter bar of a list page: a plain GET form, so the filtered list lives in the URL and can be bookmarked and
 * shared. The text search comes first, then the list's own selects (`children`), the optional "suspect only" box
 * and the apply button. Texts come from the list's namespace: `filters.{label,q,qPlaceholder,suspectOnly,apply}`.
 * `columns` is the grid's template on wide screens.
 */
export function FilterBar({
  namespace,
  q,
  suspect,
  columns,
  children,
}: {
  namespace: string;
  q: string | undefined;
  /** Whether the "suspect only" box is offered, and checked. */
  suspect?: { checked: boolean | undefined };
  columns: string;
  children: ReactNode;
}) {
  const t = useTranslations(namespace);
  return (
    <form
      method="get"
      role="search"
      aria-label={t('filters.label')}
      className={cn('grid items-end gap-3 rounded-lg border bg-background p-4 sm:grid-cols-2', columns)}
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-q">{t('filters.q')}</Label>
        <Input id="filter-q" type="search" name="q" defaultValue={q} placeholder={t('filters.qPlaceholder')} maxLength={200} />
      </div>
      {children}
      {suspect && (
        <label className="flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" name="suspect" value="1" defaultChecked={suspect.checked} className="size-4" />
          {t('filters.suspectOnly')}
        </label>
      )}
      <Button type="submit" variant="secondary">
        {t('filters.apply')}
      </Button>
    </form>
  );
}

/** One select of a filter bar: "all" first (no filter), then the options; labelled `filters.<name>`. */
export function FilterSelect({
  namespace,
  name,
  value,
  all,
  options,
}: {
  namespace: string;
  name: string;
  value: string | undefined;
  all: string;
  options: readonly FilterOption[];
}) {
  const t = useTranslations(namespace);
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`filter-${name}`}>{t(`filters.${name}`)}</Label>
      <NativeSelect id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
