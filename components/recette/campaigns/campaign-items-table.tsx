'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Fragment, useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-status';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { Action, ActionFailure, ActionResult } from '@/lib/actions/result';
import type { ItemState } from '@/lib/recette/campaign-item-state';

export interface CampaignItemRow {
  id: string;
  ref: string;
  title: string;
  position: number;
  plannedVersion: number;
  currentVersion: number;
  changed: boolean;
  assigneeName: string | null;
  notRunReason: string | null;
  revision: number;
  state: ItemState;
  toRetest: boolean;
}

type Bulk = { projectKey: string; campaignId: string; itemIds: string[] };

const STATE_STYLE: Record<ItemState, 'default' | 'secondary' | 'outline' | 'warning'> = {
  not_started: 'outline',
  in_progress: 'secondary',
  passed: 'default',
  failed: 'warning',
  blocked: 'warning',
  not_run: 'secondary',
};

/**
 * One page of a campaign's items with their state. Writers tick items to assign them to a tester or take them out
 * of the scope, and set an item "non exécuté" with its reason; readers see the same table without those controls.
 */
export function CampaignItemsTable({
  projectKey,
  campaignId,
  campaignPath,
  testCasesPath,
  rows,
  canWrite,
  canExecute,
  testers,
  assign,
  remove,
  setNotRun,
  clearNotRun,
}: {
  projectKey: string;
  campaignId: string;
  campaignPath: string;
  testCasesPath: string;
  rows: CampaignItemRow[];
  /** Writes allowed: the role may, and the campaign is not closed. */
  canWrite: boolean;
  /** Runs allowed: the role may execute, and the campaign is not closed. */
  canExecute: boolean;
  testers: { id: string; name: string }[];
  assign: Action<Bulk & { assigneeId: string }, { assigned: number }>;
  remove: Action<Bulk, { removed: number }>;
  setNotRun: Action<{ projectKey: string; itemId: string; revision: number; reason: string }, { revision: number }>;
  clearNotRun: Action<{ projectKey: string; itemId: string; revision: number }, { revision: number }>;
}) {
  const t = useTranslations('campaigns');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignee, setAssignee] = useState(testers[0]?.id ?? '');
  const [editing, setEditing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  const run = (call: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const result = await call();
      setFailure(result.ok ? null : result);
      setDone(result.ok);
      if (result.ok) after?.();
    });
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const itemIds = [...selected];
  const columns = canWrite ? 7 : 6;

  return (
    <div className="flex flex-col gap-3">
      <FormError failure={failure} />
      {done && (
        <p role="status" className="sr-only">
          {t('items.done')}
        </p>
      )}
      {canWrite && (
        <div className="flex flex-wrap items-end gap-3 rounded-lg border bg-muted/30 p-3" data-testid="bulk-tools">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t('items.selected', { count: selected.size })}
          </p>
          <div className="flex flex-col gap-1">
            <Label htmlFor="bulk-assignee">{t('items.assignTo')}</Label>
            <NativeSelect id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              {testers.map((tester) => (
                <option key={tester.id} value={tester.id}>
                  {tester.name}
                </option>
              ))}
              <option value="">{t('items.nobody')}</option>
            </NativeSelect>
          </div>
          <Button
            type="button"
            disabled={pending || selected.size === 0}
            onClick={() => run(() => assign({ projectKey, campaignId, itemIds, assigneeId: assignee }), () => setSelected(new Set()))}
          >
            {t('items.assign')}
          </Button>
          {confirmRemove ? (
            <span role="group" aria-label={t('items.remove')} className="flex flex-wrap items-center gap-2 text-sm">
              {t('items.removeConfirm', { count: selected.size })}
              <Button
                type="button"
                variant="destructive"
                size="sm"
                disabled={pending}
                onClick={() =>
                  run(
                    () => remove({ projectKey, campaignId, itemIds }),
                    () => {
                      setSelected(new Set());
                      setConfirmRemove(false);
                    },
                  )
                }
              >
                {t('items.remove')}
              </Button>
              <Button type="button" variant="outline" size="sm" onClick={() => setConfirmRemove(false)}>
                {t('items.cancel')}
              </Button>
            </span>
          ) : (
            <Button type="button" variant="outline" disabled={pending || selected.size === 0} onClick={() => setConfirmRemove(true)}>
              {t('items.remove')}
            </Button>
          )}
        </div>
      )}
      <div className="rounded-lg border bg-background">
        <Table data-testid="campaign-items">
          <TableHeader>
            <TableRow>
              {canWrite && (
                <TableHead className="w-10">
                  <input
                    type="checkbox"
                    className="size-4"
                    aria-label={t('items.selectPage')}
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                  />
                </TableHead>
              )}
              <TableHead className="w-12">{t('items.columns.position')}</TableHead>
              <TableHead>{t('items.columns.testCase')}</TableHead>
              <TableHead>{t('items.columns.state')}</TableHead>
              <TableHead>{t('items.columns.assignee')}</TableHead>
              <TableHead className="text-right">{t('items.columns.version')}</TableHead>
              <TableHead>{t('items.columns.actions')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <Fragment key={row.id}>
                <TableRow data-testid={`item-row-${row.ref}`}>
                  {canWrite && (
                    <TableCell>
                      <input
                        type="checkbox"
                        className="size-4"
                        aria-label={t('items.selectRow', { ref: row.ref })}
                        checked={selected.has(row.id)}
                        onChange={() => toggle(row.id)}
                      />
                    </TableCell>
                  )}
                  <TableCell className="tabular-nums">{row.position}</TableCell>
                  <TableCell className="min-w-64">
                    <Link href={`${testCasesPath}/${row.ref}`} className="font-mono text-xs text-primary hover:underline">
                      {row.ref}
                    </Link>{' '}
                    <span className="font-medium">{row.title}</span>
                    {row.changed && (
                      <p className="text-xs text-amber-900" data-testid={`item-changed-${row.ref}`}>
                        {t('items.changed', { from: row.plannedVersion, to: row.currentVersion })} ·{' '}
                        <Link href={`${testCasesPath}/${row.ref}/history?from=${row.plannedVersion}&to=${row.currentVersion}`} className="underline">
                          {t('items.changedLink')}
                        </Link>
                      </p>
                    )}
                    {row.notRunReason && row.state === 'not_run' && <p className="text-xs text-muted-foreground">{t('items.reasonShown', { reason: row.notRunReason })}</p>}
                  </TableCell>
                  <TableCell>
                    <span className="flex flex-wrap gap-1">
                      <Badge variant={STATE_STYLE[row.state]} data-testid={`item-state-${row.ref}`}>
                        {t(`states.${row.state}`)}
                      </Badge>
                      {row.toRetest && <Badge variant="warning">{t('items.toRetest')}</Badge>}
                    </span>
                  </TableCell>
                  <TableCell data-testid={`item-assignee-${row.ref}`}>{row.assigneeName ?? <span className="text-muted-foreground">{t('items.unassigned')}</span>}</TableCell>
                  <TableCell className="text-right tabular-nums">v{row.plannedVersion}</TableCell>
                  <TableCell>
                    <span className="flex flex-wrap items-center gap-2">
                      {canExecute && (
                        <Link href={`${campaignPath}/run?item=${row.id}`} className="text-sm text-primary hover:underline">
                          {t('items.execute')}
                          <span className="sr-only"> {row.ref}</span>
                        </Link>
                      )}
                      {canWrite && row.state === 'not_run' && (
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          disabled={pending}
                          onClick={() => run(() => clearNotRun({ projectKey, itemId: row.id, revision: row.revision }))}
                        >
                          {t('items.clearNotRun')}
                        </Button>
                      )}
                      {canWrite && (row.state === 'not_started' || row.state === 'in_progress') && (
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          aria-expanded={editing === row.id}
                          onClick={() => {
                            setEditing(editing === row.id ? null : row.id);
                            setReason('');
                          }}
                        >
                          {t('items.notRun')}
                          <span className="sr-only"> {row.ref}</span>
                        </Button>
                      )}
                    </span>
                  </TableCell>
                </TableRow>
                {editing === row.id && (
                  <TableRow>
                    <TableCell colSpan={columns}>
                      <form
                        className="flex flex-wrap items-end gap-3"
                        onSubmit={(e) => {
                          e.preventDefault();
                          run(
                            () => setNotRun({ projectKey, itemId: row.id, revision: row.revision, reason }),
                            () => setEditing(null),
                          );
                        }}
                      >
                        <div className="flex min-w-80 flex-1 flex-col gap-1">
                          <Label htmlFor={`reason-${row.id}`}>{t('items.reason')}</Label>
                          <Textarea id={`reason-${row.id}`} rows={2} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
                        </div>
                        <Button type="submit" disabled={pending}>
                          {t('items.setNotRun')}
                        </Button>
                        <Button type="button" variant="outline" onClick={() => setEditing(null)}>
                          {t('items.cancel')}
                        </Button>
                      </form>
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
