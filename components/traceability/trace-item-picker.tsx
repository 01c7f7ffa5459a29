'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Loader2, Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/ui/cn';

export interface TraceItemOption {
  id: string;
  ref: string;
  title: string;
  status: string;
}

type ItemType = 'requirement' | 'specification' | 'testCase';

const STATUS_KEYS: Record<ItemType, string> = {
  requirement: 'requirements.statuses',
  specification: 'specifications.statuses',
  testCase: 'testCases.types',
};

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

async function fetchTraceItems(projectKey: string, type: ItemType, q: string): Promise<TraceItemOption[]> {
  const params = new URLSearchParams({ type, q, limit: '20' });
  const response = await fetch(`/api/projects/${encodeURIComponent(projectKey)}/trace-items?${params}`, {
    headers: { Accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as { items?: TraceItemOption[]; message?: string } | null;
  if (!response.ok || !body?.items) throw new Error(body?.message ?? response.statusText);
  return body.items;
}

/**
 * A type-ahead combobox over the project's requirements, specifications or test cases (full-text or by ref),
 * following the WAI-ARIA combobox pattern: arrows move, Enter picks, Escape closes. Items already linked are shown
 * but not pickable. However large the project, it asks the server for twenty at a time.
 */
export function TraceItemPicker({
  projectKey,
  type,
  linkedIds,
  disabled,
  label,
  takenLabel,
  hint,
  unavailableStatuses,
  onSelect,
}: {
  projectKey: string;
  type: ItemType;
  linkedIds: string[];
  disabled?: boolean;
  /** Its own label instead of "Lier …" (a form field rather than a link picker). */
  label?: string;
  /** What an item of `linkedIds` says instead of "déjà liée", and the hint under the field, for such a form field. */
  takenLabel?: string;
  hint?: string;
  /** Items in these statuses are shown, with their status, but cannot be picked. */
  unavailableStatuses?: readonly string[];
  onSelect: (item: TraceItemOption) => void;
}) {
  const t = useTranslations('traceability.picker');
  const tv = useTranslations();
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(text.trim(), 250);
  const linked = useMemo(() => new Set(linkedIds), [linkedIds]);
  const unavailable = useMemo(() => new Set(unavailableStatuses ?? []), [unavailableStatuses]);
  const blocked = (item: TraceItemOption) => linked.has(item.id) || unavailable.has(item.status);

  const { data, isFetching, isError, error } = useQuery({
    queryKey: ['trace-items', projectKey, type, q],
    queryFn: () => fetchTraceItems(projectKey, type, q),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const items = data ?? [];
  const statusKey = STATUS_KEYS[type];
  const labelText = label ?? t(`label.${type}`);
  const statusLabel = (status: string) =>
    tv.has(`${statusKey}.${status}`) ? tv(`${statusKey}.${status}`) : status;

  function pick(item: TraceItemOption | undefined) {
    if (!item || blocked(item)) return;
    onSelect(item);
    setText('');
    setActive(-1);
    setOpen(false);
  }

  function move(step: 1 | -1) {
    if (items.length === 0) return;
    setActive((current) => {
      let next = current;
      for (let i = 0; i < items.length; i += 1) {
        next = (next + step + items.length) % items.length;
        if (!blocked(items[next]!)) return next;
      }
      return current;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (open) move(-1);
    } else if (event.key === 'Enter') {
      if (open && active >= 0) {
        event.preventDefault();
        pick(items[active]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else {
        setText('');
      }
    }
  }

  const expanded = open && (items.length > 0 || !isFetching);
  const optionId = (index: number) => `${listId}-option-${index}`;
  const resultText = isError
    ? t('error', { message: (error as Error).message })
    : isFetching && !data
      ? t('searching')
      : t('results', { count: items.length });

  return (
    <div className="flex flex-col gap-1.5" data-testid="trace-item-picker">
      <Label htmlFor={inputId}>{labelText}</Label>
      <div className="relative">
        <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={hintId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          placeholder={t(`placeholder.${type}`)}
          value={text}
          disabled={disabled}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className="flex h-9 w-full rounded-md border border-input bg-background py-1 pl-8 pr-8 text-sm shadow-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50"
        />
        {isFetching && (
          <Loader2 className="absolute right-2.5 top-2.5 size-4 animate-spin text-muted-foreground" aria-hidden />
        )}
        <ul
          id={listId}
          role="listbox"
          aria-label={labelText}
          hidden={!expanded}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border bg-background p-1 text-sm shadow-md"
          data-testid="trace-item-options"
        >
          {items.map((item, index) => {
            const isLinked = linked.has(item.id);
            const isBlocked = blocked(item);
            return (
              <li
                key={item.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                aria-disabled={isBlocked || undefined}
                data-testid={`trace-item-option-${item.ref}`}
                // Keeps focus in the input, so the list does not close before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => !isBlocked && setActive(index)}
                onClick={() => pick(item)}
                className={cn(
                  'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5',
                  index === active && 'bg-accent text-accent-foreground',
                  // Greyed by colour, not opacity, so the text keeps its contrast; the label says it is already linked.
                  isBlocked && 'cursor-default text-muted-foreground',
                )}
              >
                <span className="font-mono text-xs font-medium">{item.ref}</span>
                <span className="min-w-0 flex-1 truncate">{item.title}</span>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {isLinked ? (takenLabel ?? t('alreadyLinked')) : statusLabel(item.status)}
                </span>
              </li>
            );
          })}
          {items.length === 0 && !isFetching && (
            <li role="presentation" className="px-2 py-1.5 text-muted-foreground">
              {isError ? resultText : t('noResult')}
            </li>
          )}
        </ul>
      </div>
      <p id={hintId} className="text-xs text-muted-foreground">
        {hint ?? t('hint')}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {open ? resultText : ''}
      </p>
    </div>
  );
}
