'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { Action } from '@/lib/actions/result';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { PROJECT_ROLES, type ProjectRole } from '@/lib/auth/roles';

export interface MemberRowData {
  userId: string;
  name: string;
  email: string;
  role: ProjectRole;
  pending: boolean;
  active: boolean;
}

export function MemberList({
  projectKey,
  editable,
  currentUserId,
  members,
  changeMemberRole,
  removeMember,
}: {
  projectKey: string;
  editable: boolean;
  currentUserId: string;
  members: MemberRowData[];
  changeMemberRole: Action<{ projectKey: string; userId: string; role: ProjectRole }, unknown>;
  removeMember: Action<{ projectKey: string; userId: string }, unknown>;
}) {
  const t = useTranslations('members');
  const tRoles = useTranslations('roles');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(task: () => Promise<{ ok: boolean; message?: string }>) {
    setError(null);
    startTransition(async () => {
      const result = await task();
      if (!result.ok) setError(result.message ?? null);
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {error && (
        <Alert variant="destructive" role="alert" data-testid="member-error">
          {error}
        </Alert>
      )}
      <Table data-testid="member-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t('person')}</TableHead>
            <TableHead>{t('role')}</TableHead>
            {editable && <TableHead className="w-12" />}
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.userId} data-testid={`member-${m.email}`}>
              <TableCell>
                <div className="font-medium">
                  {m.name} {m.userId === currentUserId && <span className="text-muted-foreground">({t('you')})</span>}
                </div>
                <div className="text-xs text-muted-foreground">{m.email}</div>
                {m.pending && <Badge variant="warning">{t('pending')}</Badge>}
                {!m.active && <Badge variant="outline">{t('inactive')}</Badge>}
              </TableCell>
              <TableCell>
                {editable ? (
                  <NativeSelect
                    aria-label={t('roleOf', { name: m.name })}
                    defaultValue={m.role}
                    disabled={pending}
                    onChange={(event) => {
                      const role = event.target.value as ProjectRole;
                      const select = event.target;
                      run(async () => {
                        const result = await changeMemberRole({ projectKey, userId: m.userId, role });
                        if (!result.ok) select.value = m.role;
                        return result;
                      });
                    }}
                    className="w-56"
                  >
                    {PROJECT_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {tRoles(role)}
                      </option>
                    ))}
                  </NativeSelect>
                ) : (
                  <Badge variant="outline">{tRoles(m.role)}</Badge>
                )}
              </TableCell>
              {editable && (
                <TableCell>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    disabled={pending}
                    aria-label={t('remove', { name: m.name })}
                    onClick={() => {
                      if (window.confirm(t('confirmRemove', { name: m.name }))) {
                        run(() => removeMember({ projectKey, userId: m.userId }));
                      }
                    }}
                  >
                    <Trash2 />
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
