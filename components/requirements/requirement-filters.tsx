'use client';

import { Search } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from '@/lib/requirements/model';
import type { RequirementPriority, RequirementStatus } from '@/lib/requirements/model';
import { COVERAGE_STATES, type CoverageState } from '@/lib/traceability/coverage';
import { hasListFilters, requirementListHref, type RequirementListSearch } from './list-search';

/**
 * Search and filters as a GET form: they live in the URL, so a filtered list can be bookmarked and shared. With
 * JavaScript the URL is kept clean (no empty parameters); without it the plain form submission works the same.
 */
export function RequirementFilters({
  basePath,
  search,
  tags,
}: {
  basePath: string;
  search: RequirementListSearch;
  tags: string[];
}) {
  const t = useTranslations('requirements');
  const tBadges = useTranslations('traceabilityBadges');
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Empty fields are left out of the URL; the page validates what remains, as it does for a typed-in link.
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    router.push(
      requirementListHref(basePath, {
        view: search.view,
        q: field('q'),
        status: field('status') as RequirementStatus | undefined,
        priority: field('priority') as RequirementPriority | undefined,
        tag: field('tag')?.toLowerCase(),
        coverage: field('coverage') as CoverageState | undefined,
      }),
    );
  }

  const select = (name: 'status' | 'priority' | 'coverage', label: string, options: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <NativeSelect id={`filter-${name}`} name={name} defaultValue={search[name] ?? ''}>
        <option value="">{t('filters.any')}</option>
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
      // Uncontrolled fields show the URL's values: remount when the URL changes (e.g. "Effacer").
      key={requirementListHref('', search)}
      method="get"
      action={basePath}
      onSubmit={submit}
      role="search"
      aria-label={t('filters.label')}
      className="grid items-end gap-3 rounded-lg border bg-background p-4 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_repeat(4,minmax(8rem,1fr))_auto]"
    >
      {search.view !== 'tree' && <input type="hidden" name="view" value={search.view} />}
      <div className="flex flex-col gap-1 sm:col-span-2 lg:col-span-1">
        <Label htmlFor="filter-q">{t('filters.search')}</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            id="filter-q"
            type="search"
            name="q"
            defaultValue={search.q ?? ''}
            maxLength={200}
            placeholder={t('filters.searchPlaceholder')}
            aria-describedby="filter-q-hint"
            className="pl-8"
          />
        </div>
        <p id="filter-q-hint" className="sr-only">
          {t('filters.searchHint')}
        </p>
      </div>
      {select(
        'status',
        t('fields.status'),
        REQUIREMENT_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) })),
      )}
      {select(
        'priority',
        t('fields.priority'),
        REQUIREMENT_PRIORITIES.map((value) => ({ value, label: t(`priorities.${value}`) })),
      )}
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-tag">{t('fields.tags')}</Label>
        <NativeSelect id="filter-tag" name="tag" defaultValue={search.tag ?? ''}>
          <option value="">{t('filters.any')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
          {search.tag && !tags.includes(search.tag) && <option value={search.tag}>{search.tag}</option>}
        </NativeSelect>
      </div>
      {select(
        'coverage',
        t('list.coverage'),
        COVERAGE_STATES.map((value) => ({ value, label: tBadges(`coverage.${value}`) })),
      )}
      <div className="flex gap-2">
        <Button type="submit">{t('filters.apply')}</Button>
        {hasListFilters(search) && (
          <Button asChild variant="ghost">
            <Link href={requirementListHref(basePath, { view: search.view })}>{t('filters.clear')}</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
