import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { AuditSearch } from '@/lib/audit/filters';

type Option = { value: string; label: string };

/** A plain GET form: filters live in the URL, so a filtered journal can be bookmarked and shared. */
export function AuditFiltersForm({
  values,
  entities,
  actions,
  actors,
}: {
  values: AuditSearch;
  entities: Option[];
  actions: Option[];
  actors: Option[];
}) {
  const t = useTranslations('audit');
  const select = (name: keyof AuditSearch, options: Option[], label: string) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <NativeSelect id={`filter-${name}`} name={name} defaultValue={(values[name] as string | undefined) ?? ''}>
        <option value="">{t('all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
  return (
    <form method="get" className="grid items-end gap-3 rounded-lg border bg-background p-4 sm:grid-cols-3 lg:grid-cols-6">
      {select('entity', entities, t('what'))}
      {select('action', actions, t('action'))}
      {select('actor', actors, t('who'))}
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-from">{t('from')}</Label>
        <Input id="filter-from" type="date" name="from" defaultValue={values.from} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-to">{t('to')}</Label>
        <Input id="filter-to" type="date" name="to" defaultValue={values.to} />
      </div>
      <Button type="submit" variant="secondary">
        {t('filter')}
      </Button>
    </form>
  );
}
