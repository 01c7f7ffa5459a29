'use client';

import { Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { FormAction } from '@/lib/actions/result';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { API_TOKEN_SCOPES, MAX_TOKEN_DAYS } from '@/lib/api/token-scopes';

/** The new token's secret, shown once with a copy button: it is not stored and cannot be shown again. */
function NewTokenSecret({ secret }: { secret: string }) {
  const t = useTranslations('api.tokens');
  const [copied, setCopied] = useState(false);
  return (
    <Alert variant="success" role="status" className="flex flex-col gap-2">
      <p>{t('created')}</p>
      <div className="flex items-center gap-2">
        <Label htmlFor="new-api-token" className="sr-only">
          {t('secretLabel')}
        </Label>
        <Input id="new-api-token" readOnly value={secret} className="min-w-0 flex-1 font-mono text-xs" data-testid="new-api-token" onFocus={(e) => e.currentTarget.select()} />
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          <Copy />
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
    </Alert>
  );
}

export function CreateTokenForm({
  projectKey,
  createApiToken,
}: {
  projectKey: string;
  createApiToken: FormAction<{ id: string; name: string; apiToken: string }>;
}) {
  const t = useTranslations('api.tokens');
  const { failure, warning, data, values, formAction, pending } = useActionForm(createApiToken);
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="create-token-form">
      <FormError failure={failure} warning={warning} />
      {data && !failure && <NewTokenSecret key={data.id} secret={data.apiToken} />}
      <input type="hidden" name="projectKey" value={projectKey} />
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_10rem]">
        <div className="flex flex-col gap-1">
          <Label htmlFor="token-name">{t('name')}</Label>
          <Input id="token-name" name="name" required maxLength={100} aria-describedby="token-name-hint" defaultValue={failure ? values.name : ''} />
          <p id="token-name-hint" className="text-xs text-muted-foreground">
            {t('nameHint')}
          </p>
          <FieldError failure={failure} field="name" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="token-scope">{t('scope')}</Label>
          <NativeSelect id="token-scope" name="scope" defaultValue={failure ? values.scope : 'read'}>
            {API_TOKEN_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {t(`scopes.${scope}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="token-expiry">{t('expiresInDays')}</Label>
          <Input
            id="token-expiry"
            name="expiresInDays"
            type="number"
            min={1}
            max={MAX_TOKEN_DAYS}
            aria-describedby="token-expiry-hint"
            defaultValue={failure ? values.expiresInDays : '90'}
          />
          <FieldError failure={failure} field="expiresInDays" />
        </div>
      </div>
      <p id="token-expiry-hint" className="text-xs text-muted-foreground">
        {t('expiresHint')}
      </p>
      <div>
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </div>
    </form>
  );
}
