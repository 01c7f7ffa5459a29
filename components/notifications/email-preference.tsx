'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { Action } from '@/lib/actions/result';

/** The person's e-mail choice for notices (texts given by the server page). */
export function EmailPreference({
  enabled,
  labels,
  save,
}: {
  enabled: boolean;
  labels: { label: string; help: string; save: string; saved: string };
  save: Action<{ enabled: boolean }, unknown>;
}) {
  const id = useId();
  const router = useRouter();
  const [checked, setChecked] = useState(enabled);
  const [status, setStatus] = useState('');
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await save({ enabled: checked });
          setStatus(result.ok ? labels.saved : result.message);
          router.refresh();
        });
      }}
    >
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" className="mt-1 h-4 w-4" checked={checked} onChange={(e) => setChecked(e.target.checked)} aria-describedby={`${id}-help`} />
        <div>
          <label htmlFor={id} className="text-sm font-medium">
            {labels.label}
          </label>
          <p id={`${id}-help`} className="text-sm text-muted-foreground">
            {labels.help}
          </p>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="outline" disabled={pending}>
          {labels.save}
        </Button>
        <p role="status" className="text-sm">
          {status}
        </p>
      </div>
    </form>
  );
}
