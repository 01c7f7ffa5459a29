'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormAction } from '@/lib/actions/result';

const METHODS = ['requirement', 'specification', 'tag', 'folder', 'testCase', 'all'] as const;
type Method = (typeof METHODS)[number];

/** Adds test cases to the scope by one of the methods; the action skips those already in the campaign. */
export function ScopeTools({
  projectKey,
  campaignId,
  tags,
  folders,
  add,
}: {
  projectKey: string;
  campaignId: string;
  tags: string[];
  folders: string[];
  add: FormAction<{ added: number }>;
}) {
  const t = useTranslations('campaigns');
  const [method, setMethod] = useState<Method>('requirement');
  const { failure, data, formAction, pending, values } = useActionForm(add);
  const refHint = method === 'testCase' || method === 'requirement' || method === 'specification' ? t(`scope.refHints.${method}`) : '';
  const lacking = (method === 'tag' && tags.length === 0) || (method === 'folder' && folders.length === 0);

  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="scope-tools">
      <input type="hidden" name="projectKey" value={projectKey} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <FormError failure={failure} />
      {data && (
        <p role="status" className="text-sm text-muted-foreground" data-testid="scope-added">
          {t('scope.added', { count: data.added })}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="scope-by">{t('scope.method')}</Label>
          <NativeSelect id="scope-by" name="by" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`scope.methods.${m}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        {refHint && (
          <div className="flex min-w-56 flex-col gap-1">
            <Label htmlFor="scope-ref">{t('scope.ref')}</Label>
            <Input
              id="scope-ref"
              name="ref"
              required
              maxLength={40}
              defaultValue={values.by === method ? values.ref : ''}
              aria-describedby="scope-ref-hint"
              aria-invalid={failure?.fieldErrors?.ref ? true : undefined}
            />
          </div>
        )}
        {method === 'tag' && tags.length > 0 && (
          <div className="flex flex-col gap-1">
            <Label htmlFor="scope-tag">{t('scope.tag')}</Label>
            <NativeSelect id="scope-tag" name="tag" defaultValue={values.tag}>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </NativeSelect>
          </div>
        )}
        {method === 'folder' && folders.length > 0 && (
          <div className="flex flex-col gap-1">
            <Label htmlFor="scope-folder">{t('scope.folder')}</Label>
            <NativeSelect id="scope-folder" name="folder" defaultValue={values.folder}>
              {folders.map((folder) => (
                <option key={folder} value={folder}>
                  {folder.split('/').join(' › ')}
                </option>
              ))}
            </NativeSelect>
          </div>
        )}
        <Button type="submit" disabled={pending || lacking}>
          {pending ? t('scope.adding') : t('scope.add')}
        </Button>
      </div>
      {refHint && (
        <p id="scope-ref-hint" className="text-xs text-muted-foreground">
          {refHint}
        </p>
      )}
      {lacking && <p className="text-xs text-muted-foreground">{method === 'tag' ? t('scope.noTags') : t('scope.noFolders')}</p>}
      <FieldError failure={failure} field="ref" />
    </form>
  );
}
