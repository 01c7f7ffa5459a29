'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-status';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { Action, ActionFailure } from '@/lib/actions/result';
import { RACI_ROLES, type DeliverableKind, type RaciRole } from '@/lib/signoff/model';

export interface RaciInput {
  projectKey: string;
  deliverable: DeliverableKind;
  revision: number;
  quorum: number | '';
  assignments: { userId: string; raciRole: RaciRole }[];
}

/** The owner's RACI of one deliverable: a role per member (only the roles their project role allows) and the quorum. */
export function RaciEditor({
  action,
  projectKey,
  deliverable,
  label,
  revision,
  quorum,
  members,
}: {
  action: Action<RaciInput, { revision: number }>;
  projectKey: string;
  deliverable: DeliverableKind;
  label: string;
  revision: number;
  quorum: number | null;
  members: { userId: string; name: string; role: RaciRole | null; allowed: RaciRole[] }[];
}) {
  const t = useTranslations('signoff.raci');
  const id = useId();
  const [roles, setRoles] = useState<Record<string, RaciRole | ''>>(Object.fromEntries(members.map((m) => [m.userId, m.role ?? ''])));
  const [quorumText, setQuorumText] = useState(quorum === null ? '' : String(quorum));
  const [current, setCurrent] = useState(revision);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const assignments = Object.entries(roles)
        .filter((entry): entry is [string, RaciRole] => entry[1] !== '')
        .map(([userId, raciRole]) => ({ userId, raciRole }));
      const result = await action({ projectKey, deliverable, revision: current, quorum: quorumText === '' ? '' : Number(quorumText), assignments });
      if (result.ok) {
        setCurrent(result.data.revision);
        setFailure(null);
        setSaved(true);
      } else {
        setSaved(false);
        setFailure(result);
      }
    });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid={`raci-${deliverable}`}>
      <FormError failure={failure} />
      <ul className="flex flex-col gap-2">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2">
            <Label htmlFor={`${id}-${m.userId}`}>{m.name}</Label>
            <NativeSelect
              id={`${id}-${m.userId}`}
              aria-label={`${m.name} — ${t('role', { deliverable: label })}`}
              value={roles[m.userId] ?? ''}
              onChange={(e) => setRoles((r) => ({ ...r, [m.userId]: e.target.value as RaciRole | '' }))}
              className="w-48"
            >
              <option value="">{t('roles.none')}</option>
              {RACI_ROLES.filter((r) => m.allowed.includes(r)).map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </NativeSelect>
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-quorum`}>{t('quorum')}</Label>
        <Input id={`${id}-quorum`} type="number" min={1} max={100} value={quorumText} onChange={(e) => setQuorumText(e.target.value)} className="w-32" />
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {t('save')}
      </Button>
      {saved && (
        <p role="status" className="text-sm text-emerald-800">
          {t('saved')}
        </p>
      )}
    </form>
  );
}
