'use client';

import { CheckCircle2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { Action } from '@/lib/actions/result';

/**
 * Clears a suspect link: the reviewer confirms the specification still answers the requirement as shown. The version
 * they looked at travels with the request, so a requirement changed again meanwhile is refused, not cleared blind.
 */
export function ReviewLinkButton({
  projectKey,
  linkId,
  seenVersion,
  review,
  doneHref,
}: {
  projectKey: string;
  linkId: string;
  seenVersion: number;
  review: Action<{ projectKey: string; linkId: string; seenVersion: number }, { reviewedVersion: number }>;
  /** Where the reviewer goes once the link is cleared: back to the queue of links to review. */
  doneHref: string;
}) {
  const t = useTranslations('traceability.reviewLink');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="flex flex-col gap-2">
      {error && (
        <Alert variant="destructive" role="alert" data-testid="review-error">
          {error}
        </Alert>
      )}
      <div>
        <Button
          type="button"
          disabled={pending}
          data-testid="confirm-review"
          onClick={() => {
            setError(null);
            startTransition(async () => {
              const result = await review({ projectKey, linkId, seenVersion });
              if (result.ok) {
                router.push(doneHref);
                return;
              }
              setError(result.message);
              // A conflict means the requirement moved again: redraw the page with the newer version to review.
              router.refresh();
            });
          }}
        >
          <CheckCircle2 />
          {pending ? t('confirming') : t('confirm')}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{t('confirmHint')}</p>
    </div>
  );
}
