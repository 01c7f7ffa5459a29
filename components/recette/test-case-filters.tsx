import { useTranslations } from 'next-intl';
import { FilterBar, FilterSelect, type FilterOption } from '@/components/lists/filter-bar';
import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES, type TestCasePriority, type TestCaseType } from '@/lib/recette/model';

export interface TestCaseFilterValues {
  q?: string;
  type?: TestCaseType;
  priority?: TestCasePriority;
  folder?: string;
  tag?: string;
  suspect?: boolean;
}

/** The test-case list's filters (components/lists/filter-bar.tsx). */
export function TestCaseFilters({ values, folders, tags }: { values: TestCaseFilterValues; folders: string[]; tags: string[] }) {
  const t = useTranslations('testCases');
  const select = (name: 'type' | 'priority' | 'folder' | 'tag', all: string, options: FilterOption[]) => (
    <FilterSelect namespace="testCases" name={name} value={values[name]} all={all} options={options} />
  );
  return (
    <FilterBar namespace="testCases" q={values.q} suspect={{ checked: values.suspect }} columns="lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto_auto]">
      {select('type', t('filters.allTypes'), TEST_CASE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) })))}
      {select('priority', t('filters.allPriorities'), TEST_CASE_PRIORITIES.map((v) => ({ value: v, label: t(`priorities.${v}`) })))}
      {select('folder', t('filters.allFolders'), folders.map((v) => ({ value: v, label: v })))}
      {select('tag', t('filters.allTags'), tags.map((v) => ({ value: v, label: v })))}
    </FilterBar>
  );
}
