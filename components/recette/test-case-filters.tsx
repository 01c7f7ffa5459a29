import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES, type TestCasePriority, type TestCaseType } from '@/lib/recette/model';

export interface TestCaseFilterValues {
  q?: string;
  type?: TestCaseType;
  priority?: TestCasePriority;
  folder?: string;
  tag?: string;
  suspect?: boolean;
}

/** A plain GET form: the filtered list lives in the URL, so it can be bookmarked and shared. */
export function TestCaseFilters({ values, folders, tags }: { values: TestCaseFilterValues; folders: string[]; tags: string[] }) {
  const t = useTranslations('testCases');
  const select = (name: 'type' | 'priority' | 'folder' | 'tag', all: string, options: { value: string; label: string }[]) => (
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
      className="grid items-end gap-3 rounded-lg border bg-background p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto_auto]"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-q">{t('filters.q')}</Label>
        <Input id="filter-q" type="search" name="q" defaultValue={values.q} placeholder={t('filters.qPlaceholder')} maxLength={200} />
      </div>
      {select('type', t('filters.allTypes'), TEST_CASE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) })))}
      {select('priority', t('filters.allPriorities'), TEST_CASE_PRIORITIES.map((v) => ({ value: v, label: t(`priorities.${v}`) })))}
      {select('folder', t('filters.allFolders'), folders.map((v) => ({ value: v, label: v })))}
      {select('tag', t('filters.allTags'), tags.map((v) => ({ value: v, label: v })))}
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
