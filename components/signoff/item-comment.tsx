'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SignoffForm } from '@/components/signoff/signoff-form';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormAction } from '@/lib/actions/result';

/**
 * The comment form of one item of a review, built when asked for: a page shows twenty items and people comment on
 * a few, so each item sends a button and its ids rather than a whole form (a third of the page's HTML before).
 */
export function ItemComment({
  action,
  projectKey,
  requestId,
  targetType,
  targetId,
  itemRef,
}: {
  action: FormAction<unknown>;
  projectKey: string;
  requestId: string;
  targetType: string;
  targetId: string;
  itemRef: string;
}) {
  const t = useTranslations('signoff.review');
  const [open, setOpen] = useState(false);
  const id = `comment-${targetType}:${targetId}`;
  return (
    <div className="flex flex-col gap-2">
      <button type="button" className="cursor-pointer self-start text-sm text-primary" aria-expanded={open} aria-controls={open ? `${id}-form` : undefined} onClick={() => setOpen(!open)}>
        {t('commentItem', { ref: itemRef })}
      </button>
      {open && (
        <div id={`${id}-form`}>
          <SignoffForm action={action} hidden={{ projectKey, requestId, targetType, targetId }} testId={`comment-${itemRef}`} className="flex flex-col gap-2">
            <Label htmlFor={id}>{t('commentBody')}</Label>
            <Textarea id={id} name="body" required rows={2} autoFocus />
            <Button type="submit" size="sm" variant="outline" className="self-start">
              {t('commentSubmit')}
            </Button>
          </SignoffForm>
        </div>
      )}
    </div>
  );
}
