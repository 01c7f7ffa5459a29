'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { TraceItemPicker, type TraceItemOption } from '@/components/traceability/trace-item-picker';

/** A superseded specification is no longer what is delivered: it cannot be frozen into a new baseline. */
const NOT_FREEZABLE = ['superseded'] as const;

/**
 * The specifications a new baseline freezes: searched on the server twenty at a time (the project may have
 * thousands, which no page should send as checkboxes), the chosen ones kept here and sent as `specificationIds`.
 * Cleared when the form is reset (after a baseline is frozen).
 */
export function BaselineSpecificationPicker({ projectKey }: { projectKey: string }) {
  const t = useTranslations('signoff.baselines.create');
  const [chosen, setChosen] = useState<TraceItemOption[]>([]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const form = root.current?.closest('form');
    if (!form) return;
    const clear = () => setChosen([]);
    form.addEventListener('reset', clear);
    return () => form.removeEventListener('reset', clear);
  }, []);

  return (
    <div ref={root} className="flex flex-col gap-2" data-testid="baseline-specification-picker">
      <TraceItemPicker
        projectKey={projectKey}
        type="specification"
        linkedIds={chosen.map((s) => s.id)}
        label={t('specifications')}
        takenLabel={t('chosenAlready')}
        hint={t('pickerHint')}
        unavailableStatuses={NOT_FREEZABLE}
        onSelect={(item) => setChosen((current) => [...current, item])}
      />
      <p className="text-sm text-muted-foreground" role="status" aria-live="polite" data-testid="baseline-chosen-count">
        {t('chosen', { count: chosen.length })}
      </p>
      {chosen.length > 0 && (
        <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-md border p-2" aria-label={t('chosenList')} tabIndex={0}>
          {chosen.map((s) => (
            <li key={s.id} className="flex items-center gap-2 text-sm" data-testid={`baseline-chosen-${s.ref}`}>
              <input type="hidden" name="specificationIds" value={s.id} />
              <span className="font-mono text-xs">{s.ref}</span>
              <span className="min-w-0 flex-1 truncate">{s.title}</span>
              <button
                type="button"
                className="rounded p-1 text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                aria-label={t('remove', { ref: s.ref })}
                onClick={() => setChosen((current) => current.filter((c) => c.id !== s.id))}
              >
                <X className="size-4" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
