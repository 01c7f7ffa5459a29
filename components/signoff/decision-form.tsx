'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { FieldError, FormError } from '@/components/forms/form-status';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { Action, ActionFailure } from '@/lib/actions/result';
import { APPROVAL_DECISIONS, type ApprovalDecision } from '@/lib/signoff/model';

interface ReservationDraft {
  key: number;
  text: string;
  ownerId: string;
  dueDate: string;
  anomalyIds: string[];
}

export interface DecisionInput {
  projectKey: string;
  requestId: string;
  decision: ApprovalDecision;
  reason: string;
  reservations: Omit<ReservationDraft, 'key'>[];
  password: string;
  seenVersion: number;
  seenHash: string;
}

/**
 * The approver's decision, signed: approuver / avec réserves / rejeter, the reason, the reservations (text, owner,
 * due date, anomalies) and the password. The version and hash of what the page showed go with it.
 */
export function DecisionForm({
  action,
  projectKey,
  requestId,
  seen,
  members,
  anomalies,
  defaultDueDate,
}: {
  action: Action<DecisionInput, unknown>;
  projectKey: string;
  requestId: string;
  seen: { version: number; hash: string };
  members: { value: string; label: string }[];
  anomalies: { value: string; label: string }[];
  defaultDueDate: string;
}) {
  const t = useTranslations('signoff');
  const id = useId();
  const [decision, setDecision] = useState<ApprovalDecision>('approved');
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [reservations, setReservations] = useState<ReservationDraft[]>([]);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  const blank = (key: number): ReservationDraft => ({ key, text: '', ownerId: members[0]?.value ?? '', dueDate: defaultDueDate, anomalyIds: [] });
  const choose = (next: ApprovalDecision) => {
    setDecision(next);
    if (next === 'approved_with_reservations' && reservations.length === 0) setReservations([blank(1)]);
  };
  const update = (key: number, patch: Partial<ReservationDraft>) =>
    setReservations((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await action({
        projectKey,
        requestId,
        decision,
        reason,
        reservations: decision === 'approved_with_reservations' ? reservations.map(({ key: _key, ...r }) => r) : [],
        password,
        seenVersion: seen.version,
        seenHash: seen.hash,
      });
      setPassword('');
      if (result.ok) {
        setFailure(null);
        setDone(true);
      } else setFailure(result);
    });
  };

  if (done) {
    return (
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="decision-done">
        {t('decision.done')}
      </p>
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="decision-form">
      <FormError failure={failure} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t('decision.choice')}</legend>
        {APPROVAL_DECISIONS.map((d) => (
          <label key={d} className="flex items-center gap-2 text-sm">
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => choose(d)} />
            {t(`decision.${d}`)}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-reason`}>{t('decision.reason')}</Label>
        <Textarea
          id={`${id}-reason`}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-reason-help`}
          required={decision !== 'approved'}
          rows={3}
        />
        <p id={`${id}-reason-help`} className="text-xs text-muted-foreground">
          {t('decision.reasonHelp')}
        </p>
        <FieldError failure={failure} field="reason" />
      </div>
      {decision === 'approved_with_reservations' && (
        <div className="flex flex-col gap-3" data-testid="reservation-drafts">
          {reservations.map((r, index) => (
            <fieldset key={r.key} className="flex flex-col gap-2 rounded-md border p-3" data-testid={`reservation-draft-${index + 1}`}>
              <legend className="px-1 text-sm font-medium">{t('decision.reservation', { n: index + 1 })}</legend>
              <Label htmlFor={`${id}-r${r.key}-text`}>{t('decision.reservationText')}</Label>
              <Textarea id={`${id}-r${r.key}-text`} value={r.text} onChange={(e) => update(r.key, { text: e.target.value })} required rows={2} />
              <div className="grid gap-2 sm:grid-cols-2">
                <div className="flex flex-col gap-1">
                  <Label htmlFor={`${id}-r${r.key}-owner`}>{t('decision.reservationOwner')}</Label>
                  <NativeSelect id={`${id}-r${r.key}-owner`} value={r.ownerId} onChange={(e) => update(r.key, { ownerId: e.target.value })}>
                    {members.map((m) => (
                      <option key={m.value} value={m.value}>
                        {m.label}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
                <div className="flex flex-col gap-1">
                  <Label htmlFor={`${id}-r${r.key}-due`}>{t('decision.reservationDue')}</Label>
                  <Input id={`${id}-r${r.key}-due`} type="date" value={r.dueDate} onChange={(e) => update(r.key, { dueDate: e.target.value })} required />
                </div>
              </div>
              {anomalies.length > 0 && (
                <fieldset className="flex flex-col gap-1">
                  <legend className="text-sm font-medium">{t('decision.reservationAnomalies')}</legend>
                  <div className="flex max-h-40 flex-col gap-1 overflow-y-auto">
                    {anomalies.map((a) => (
                      <label key={a.value} className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          checked={r.anomalyIds.includes(a.value)}
                          onChange={(e) =>
                            update(r.key, { anomalyIds: e.target.checked ? [...r.anomalyIds, a.value] : r.anomalyIds.filter((x) => x !== a.value) })
                          }
                        />
                        {a.label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
              {reservations.length > 1 && (
                <Button type="button" variant="outline" size="sm" className="self-start" onClick={() => setReservations((list) => list.filter((x) => x.key !== r.key))}>
                  {t('decision.removeReservation')}
                </Button>
              )}
            </fieldset>
          ))}
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="self-start"
            onClick={() => setReservations((list) => [...list, blank(Math.max(0, ...list.map((x) => x.key)) + 1)])}
          >
            {t('decision.addReservation')}
          </Button>
          <FieldError failure={failure} field="reservations" />
        </div>
      )}
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-password`}>{t('signature.password')}</Label>
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={`${id}-password-help`}
          required
        />
        <p id={`${id}-password-help`} className="text-xs text-muted-foreground">
          {t('signature.passwordHelp')}
        </p>
        <FieldError failure={failure} field="password" />
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t('decision.signing') : t('decision.submit')}
      </Button>
    </form>
  );
}
