'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormAction } from '@/lib/actions/result';
import { CHECKLIST_STATUSES, type ChecklistStatus } from '@/lib/signoff/readiness-model';

export interface ChecklistRow {
  id: string;
  label: string;
  ownerId: string | null;
  status: ChecklistStatus;
  evidenceUrl: string;
  revision: number;
}

export interface MemberChoice {
  userId: string;
  name: string;
}

interface Actions {
  update: FormAction<{ revision: number }>;
  remove: FormAction<{ id: string }>;
  add: FormAction<{ id: string }>;
}

function ItemFields({ prefix, row, members, failure }: { prefix: string; row: Partial<ChecklistRow>; members: MemberChoice[]; failure: Parameters<typeof FieldError>[0]['failure'] }) {
  const t = useTranslations('readiness.checklist');
  return (
    <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_2fr]">
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${prefix}-label`}>{t('label')}</Label>
        <Input id={`${prefix}-label`} name="label" required maxLength={200} defaultValue={row.label ?? ''} />
        <FieldError failure={failure} field="label" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${prefix}-owner`}>{t('owner')}</Label>
        <NativeSelect id={`${prefix}-owner`} name="ownerId" defaultValue={row.ownerId ?? ''}>
          <option value="">{t('noOwner')}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${prefix}-status`}>{t('status')}</Label>
        <NativeSelect id={`${prefix}-status`} name="status" defaultValue={row.status ?? 'todo'}>
          {CHECKLIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${prefix}-evidence`}>{t('evidence')}</Label>
        <Input id={`${prefix}-evidence`} name="evidenceUrl" type="url" maxLength={500} placeholder="https://" defaultValue={row.evidenceUrl ?? ''} />
        <FieldError failure={failure} field="evidenceUrl" />
      </div>
    </div>
  );
}

function ChecklistItemForm({ projectKey, row, members, actions }: { projectKey: string; row: ChecklistRow; members: MemberChoice[]; actions: Actions }) {
  const t = useTranslations('readiness.checklist');
  const router = useRouter();
  const saved = useActionForm(actions.update, { onSuccess: () => router.refresh() });
  const removed = useActionForm(actions.remove, { onSuccess: () => router.refresh() });
  return (
    <li className="flex flex-col gap-2 rounded-md border p-3" data-testid="checklist-item">
      <form action={saved.formAction} className="flex flex-col gap-2" aria-label={t('itemLabel', { label: row.label })}>
        <FormError failure={saved.failure ?? removed.failure} warning={saved.warning} />
        <input type="hidden" name="projectKey" value={projectKey} />
        <input type="hidden" name="id" value={row.id} />
        <input type="hidden" name="revision" value={row.revision} />
        <ItemFields prefix={`item-${row.id}`} row={row} members={members} failure={saved.failure} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" disabled={saved.pending}>
            {saved.pending ? t('saving') : t('save')}
          </Button>
          <Button type="submit" size="sm" variant="outline" formAction={removed.formAction} disabled={removed.pending}>
            {t('remove')}
          </Button>
        </div>
      </form>
    </li>
  );
}

/** The release's manual checklist, each item saved on its own (with its revision), and a form to add one. */
export function ChecklistEditor({
  projectKey,
  releaseId,
  rows,
  members,
  actions,
}: {
  projectKey: string;
  releaseId: string;
  rows: ChecklistRow[];
  members: MemberChoice[];
  actions: Actions;
}) {
  const t = useTranslations('readiness.checklist');
  const router = useRouter();
  const added = useActionForm(actions.add, { onSuccess: () => router.refresh() });
  return (
    <div className="flex flex-col gap-3" data-testid="checklist-editor">
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {rows.map((row) => (
            // The key carries the revision, so a saved item's fields start again from what was stored.
            <ChecklistItemForm key={`${row.id}-${row.revision}`} projectKey={projectKey} row={row} members={members} actions={actions} />
          ))}
        </ul>
      )}
      <form action={added.formAction} className="flex flex-col gap-2 rounded-md border border-dashed p-3" aria-label={t('add')} data-testid="checklist-add">
        <FormError failure={added.failure} warning={added.warning} />
        <input type="hidden" name="projectKey" value={projectKey} />
        <input type="hidden" name="releaseId" value={releaseId} />
        <ItemFields key={rows.length} prefix="new-item" row={{}} members={members} failure={added.failure} />
        <div>
          <Button type="submit" size="sm" variant="outline" disabled={added.pending}>
            {added.pending ? t('adding') : t('add')}
          </Button>
        </div>
      </form>
    </div>
  );
}
