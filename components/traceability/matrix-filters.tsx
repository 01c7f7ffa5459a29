'use client';

import { Loader2, Search } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from '@/lib/requirements/model';
import { COVERAGE_STATES } from '@/lib/traceability/coverage';

const FILTER_KEYS = ['q', 'coverage', 'status', 'priority'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * The matrix filters live in the URL (shareable, and the export uses the same ones); the server runs the search.
 * Selects apply at once, the search box after a short pause in typing.
 */
export function MatrixFilters({ values, count }: { values: Partial<Record<FilterKey, string>>; count: number }) {
  const t = useTranslations('traceability');
  const tv = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(values.q ?? '');
  const [chosen, setChosen] = useState(values);
  const [shown, setShown] = useState(values);
  const id = useId();
  const [applied, setApplied] = useState(values.q ?? '');
  // The URL can also change from outside (back button, a summary tile): follow it.
  if (FILTER_KEYS.some((key) => shown[key] !== values[key])) {
    setShown(values);
    setChosen(values);
    if ((values.q ?? '') !== applied) {
      setApplied(values.q ?? '');
      setText(values.q ?? '');
    }
  }

  function apply(changes: Partial<Record<FilterKey, string>>) {
    setChosen((current) => ({ ...current, ...changes }));
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('view');
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  useEffect(() => {
    const q = text.trim();
    if (q === applied) return;
    const timer = setTimeout(() => {
      setApplied(q);
      apply({ q });
    }, 350);
    return () => clearTimeout(timer);
    // `apply` reads the latest URL when it fires; only typing should restart the pause.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, applied]);

  const select = (key: Exclude<FilterKey, 'q'>, options: readonly string[], labelOf: (value: string) => string, all: string) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`${id}-${key}`}>{t(`filters.${key}`)}</Label>
      <NativeSelect
        id={`${id}-${key}`}
        value={chosen[key] ?? ''}
        onChange={(event) => apply({ [key]: event.target.value })}
        className="w-40"
        data-testid={`matrix-filter-${key}`}
      >
        <option value="">{all}</option>
        {options.map((value) => (
          <option key={value} value={value}>
            {labelOf(value)}
          </option>
        ))}
      </NativeSelect>
    </div>
  );

  const active = FILTER_KEYS.some((key) => chosen[key]);

  return (
    <div role="search" aria-label={t('filters.label')} className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-56 flex-1 flex-col gap-1">
        <Label htmlFor={`${id}-q`}>{t('filters.search')}</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                setApplied(text.trim());
                apply({ q: text.trim() });
              }
            }}
            placeholder={t('filters.searchPlaceholder')}
            className="flex h-9 w-full rounded-md border border-input bg-background py-1 pl-8 pr-3 text-sm shadow-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            data-testid="matrix-filter-q"
          />
        </div>
      </div>
      {select('coverage', COVERAGE_STATES, (v) => t(`coverage.${v}`), t('filters.all'))}
      {select(
        'status',
        ['active', ...REQUIREMENT_STATUSES],
        (v) => (v === 'active' ? t('filters.active') : tv(`requirements.statuses.${v}`)),
        t('filters.allStatuses'),
      )}
      {select('priority', REQUIREMENT_PRIORITIES, (v) => tv(`requirements.priorities.${v}`), t('filters.all'))}
      {active && (
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setText('');
            setApplied('');
            apply({ q: '', coverage: '', status: '', priority: '' });
          }}
        >
          {t('filters.reset')}
        </Button>
      )}
      <p className="flex h-9 items-center gap-2 text-sm text-muted-foreground" role="status" aria-live="polite">
        {pending && <Loader2 className="size-4 animate-spin" aria-hidden />}
        {t('filters.count', { count })}
      </p>
    </div>
  );
}
