'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { Action } from '@/lib/actions/result';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  state: 'active' | 'revoked' | 'expired';
  creatorName: string | null;
  /** Already formatted on the server (Europe/Paris). */
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export function TokenList({
  projectKey,
  tokens,
  revokeApiToken,
}: {
  projectKey: string;
  tokens: TokenRow[];
  revokeApiToken: Action<{ projectKey: string; tokenId: string }, unknown>;
}) {
  const t = useTranslations('api.tokens');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke(token: TokenRow) {
    if (!window.confirm(t('revokeConfirm'))) return;
    setMessage(null);
    startTransition(async () => {
      const result = await revokeApiToken({ projectKey, tokenId: token.id });
      setMessage(result.ok ? { ok: true, text: t('revoked') } : { ok: false, text: result.message });
    });
  }

  if (tokens.length === 0) return <p className="text-sm text-muted-foreground">{t('none')}</p>;
  return (
    <div className="flex flex-col gap-3">
      {message && (
        <Alert variant={message.ok ? 'success' : 'destructive'} role={message.ok ? 'status' : 'alert'} data-testid="token-message">
          {message.text}
        </Alert>
      )}
      <Table data-testid="token-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t('name')}</TableHead>
            <TableHead>{t('prefix')}</TableHead>
            <TableHead>{t('scope')}</TableHead>
            <TableHead>{t('state')}</TableHead>
            <TableHead>{t('createdBy')}</TableHead>
            <TableHead>{t('createdAt')}</TableHead>
            <TableHead>{t('lastUsedAt')}</TableHead>
            <TableHead>{t('expiresAt')}</TableHead>
            <TableHead>
              <span className="sr-only">{t('actions')}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.map((token) => (
            <TableRow key={token.id} data-testid="token-row">
              <TableCell className="font-medium">{token.name}</TableCell>
              <TableCell>
                <code className="text-xs">{token.prefix}…</code>
              </TableCell>
              <TableCell>{t(`scopes.${token.scope}`)}</TableCell>
              <TableCell>
                <Badge variant={token.state === 'active' ? 'default' : 'outline'}>{t(`states.${token.state}`)}</Badge>
              </TableCell>
              <TableCell>{token.creatorName ?? '—'}</TableCell>
              <TableCell>{token.createdAt}</TableCell>
              <TableCell>{token.lastUsedAt ?? t('never')}</TableCell>
              <TableCell>{token.expiresAt ?? t('noExpiry')}</TableCell>
              <TableCell>
                {token.state === 'active' && (
                  <Button type="button" size="sm" variant="outline" disabled={pending} aria-label={t('revokeLabel', { name: token.name })} onClick={() => revoke(token)}>
                    {t('revoke')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
