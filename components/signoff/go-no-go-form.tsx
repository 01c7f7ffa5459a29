'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormAction } from '@/lib/actions/result';
import { DECISIONS, type Decision } from '@/lib/signoff/readiness-model';

export interface ParticipantChoice {
  userId: string;
  name: string;
  role: string;
}

/**
 * The go / no-go meeting's record: who took part, the decision taken (the proposal by default) and, when it departs
 * from the proposal, why. The proposal the person saw goes with it: if it moved meanwhile, the record is refused.
 */
export function GoNoGoForm({
  projectKey,
  releaseId,
  proposed,
  members,
  record,
  recordPath,
}: {
  projectKey: string;
  releaseId: string;
  proposed: Decision;
  members: ParticipantChoice[];
  record: FormAction<{ id: string }>;
  recordPath: string;
}) {
  const t = useTranslations('readiness');
  const router = useRouter();
  const { failure, values, formAction, submitWithoutReset, pending } = useActionForm(record, { onSuccess: (data) => router.push(`${recordPath}/${data.id}`) });
  // Held here, not in the DOM, and submitted without React's form reset: a refused record keeps every choice.
  const [participants, setParticipants] = useState<ReadonlySet<string>>(new Set());
  const [decision, setDecision] = useState<Decision>(proposed);
  const toggle = (userId: string, on: boolean) =>
    setParticipants((current) => {
      const next = new Set(current);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
  return (
    <form action={formAction} onSubmit={submitWithoutReset} className="flex flex-col gap-4" data-testid="go-no-go-form">
      <FormError failure={failure} />
      <input type="hidden" name="projectKey" value={projectKey} />
      <input type="hidden" name="releaseId" value={releaseId} />
      <input type="hidden" name="proposedDecision" value={proposed} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">{t('goNoGo.participants')}</legend>
        <ul className="grid gap-1 sm:grid-cols-2">
          {members.map((m) => (
            <li key={m.userId}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="participantIds"
                  value={m.userId}
                  checked={participants.has(m.userId)}
                  onChange={(e) => toggle(m.userId, e.target.checked)}
                  className="size-4"
                />
                <span>
                  {m.name} <span className="text-muted-foreground">({t(`roles.${m.role}`)})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError failure={failure} field="participantIds" />
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">{t('goNoGo.decision')}</legend>
        <div className="flex flex-wrap gap-4">
          {DECISIONS.map((d) => (
            <label key={d} className="flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value={d} checked={d === decision} onChange={() => setDecision(d)} className="size-4" />
              {t(`decisions.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <Label htmlFor="go-no-go-reason">{t('goNoGo.reason')}</Label>
        <Textarea id="go-no-go-reason" name="reason" rows={3} maxLength={5_000} defaultValue={values.reason ?? ''} aria-describedby="go-no-go-reason-hint" />
        <p id="go-no-go-reason-hint" className="text-xs text-muted-foreground">
          {t('goNoGo.reasonHint', { proposed: t(`decisions.${proposed}`) })}
        </p>
        <FieldError failure={failure} field="reason" />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('goNoGo.recording') : t('goNoGo.record')}
        </Button>
      </div>
    </form>
  );
}
