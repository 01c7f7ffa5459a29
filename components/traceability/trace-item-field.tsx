'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TraceItemPicker, type TraceItemOption } from './trace-item-picker';

/**
 * One item of the project chosen in a form (the anomaly's test case, a specification to link): the type-ahead
 * picker instead of a select holding every item, and the choice sent as a hidden field `name`. `initial` is the
 * item already chosen (read by the page, one row), `excludedIds` items that may not be chosen again.
 */
export function TraceItemField({
  projectKey,
  type,
  name,
  label,
  initial = null,
  excludedIds = [],
}: {
  projectKey: string;
  type: 'requirement' | 'specification' | 'testCase';
  name: string;
  label: string;
  initial?: TraceItemOption | null;
  excludedIds?: string[];
}) {
  const t = useTranslations('traceability.picker');
  const [chosen, setChosen] = useState<TraceItemOption | null>(initial);
  return (
    <div className="flex flex-col gap-1.5" data-testid={`trace-item-field-${name}`}>
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      <TraceItemPicker projectKey={projectKey} type={type} label={label} linkedIds={excludedIds} onSelect={setChosen} />
      {chosen && (
        <p className="flex items-center gap-2 text-sm" data-testid={`trace-item-chosen-${name}`}>
          <span className="font-mono text-xs font-medium">{chosen.ref}</span>
          <span className="min-w-0 flex-1 truncate">{chosen.title}</span>
          <Button type="button" variant="ghost" size="icon" aria-label={t('clear', { ref: chosen.ref })} onClick={() => setChosen(null)}>
            <X aria-hidden />
          </Button>
        </p>
      )}
    </div>
  );
}
