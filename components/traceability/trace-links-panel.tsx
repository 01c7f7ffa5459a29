'use client';

import { ArrowRight, Trash2 } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { SuspectBadge } from '@/components/traceability/badges';
import { TraceItemPicker, type TraceItemOption } from '@/components/traceability/trace-item-picker';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import { formatRef } from '@/lib/traceability/refs';

export interface TraceLinkEntry {
  linkId: string;
  itemId: string;
  number: number;
  title: string;
  status: string;
  reviewedVersion: number;
  currentVersion: number;
  suspect: boolean;
}

type Side = 'requirement' | 'specification';

const OTHER_SIDE: Record<Side, Side> = { requirement: 'specification', specification: 'requirement' };
const SECTION: Record<Side, string> = { requirement: 'requirements', specification: 'specifications' };

/**
 * The trace links of one item, shown on its detail page: on a requirement the specifications answering it, on a
 * specification the requirements it answers. People who write specifications add links with a type-ahead picker
 * and remove them; suspect links lead to their review.
 */
export function TraceLinksPanel({
  projectKey,
  side,
  itemId,
  links,
  canEdit,
  link,
  unlink,
}: {
  projectKey: string;
  side: Side;
  itemId: string;
  links: TraceLinkEntry[];
  canEdit: boolean;
  link: (input: { projectKey: string; requirementId: string; specificationId: string }) => Promise<ActionResult<{ linkId: string }>>;
  unlink: (input: { projectKey: string; linkId: string }) => Promise<ActionResult<{ linkId: string }>>;
}) {
  const t = useTranslations('traceability.panel');
  const tStatus = useTranslations();
  const router = useRouter();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const other = OTHER_SIDE[side];
  const base = `/projects/${encodeURIComponent(projectKey)}`;
  const statusLabel = (status: string) => {
    const key = `${other === 'requirement' ? 'requirements.statuses' : 'specifications.statuses'}.${status}`;
    return tStatus.has(key) ? tStatus(key) : status;
  };
  const suspectCount = links.filter((l) => l.suspect).length;

  function run(task: () => Promise<ActionResult<unknown>>, success: string) {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      const result = await task();
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setNotice(success);
      router.refresh();
    });
  }

  function addLink(option: TraceItemOption) {
    const ids =
      side === 'requirement'
        ? { requirementId: itemId, specificationId: option.id }
        : { requirementId: option.id, specificationId: itemId };
    run(() => link({ projectKey, ...ids }), t('linked', { ref: option.ref }));
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3" data-testid="trace-links-panel">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {t(`title.${side}`, { count: links.length })}
        </h2>
        {suspectCount > 0 && <SuspectBadge count={suspectCount} />}
      </div>

      {error && (
        <Alert variant="destructive" role="alert" data-testid="trace-links-error">
          {error}
        </Alert>
      )}
      {notice && !error && (
        <Alert variant="success" role="status" data-testid="trace-links-notice">
          {notice}
        </Alert>
      )}

      {links.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground" data-testid="trace-links-empty">
          {t(`empty.${side}`)}
        </p>
      ) : (
        <ul className="divide-y rounded-md border bg-background" data-testid="trace-links">
          {links.map((entry) => {
            const ref = formatRef(other, entry.number);
            return (
              <li
                key={entry.linkId}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
                data-testid={`trace-link-${ref}`}
                data-suspect={entry.suspect ? 'true' : 'false'}
              >
                <Link href={`${base}/${SECTION[other]}/${ref}`} className="font-mono font-medium text-primary hover:underline">
                  {ref}
                </Link>
                <span className="min-w-0 flex-1 basis-48 truncate" title={entry.title}>
                  {entry.title}
                </span>
                <Badge variant="outline">{statusLabel(entry.status)}</Badge>
                {entry.suspect && (
                  <>
                    <SuspectBadge />
                    <span className="text-xs text-muted-foreground">
                      {t('versions', { reviewed: entry.reviewedVersion, current: entry.currentVersion })}
                    </span>
                    <Link
                      href={`${base}/traceability/review/${entry.linkId}`}
                      className="inline-flex items-center gap-1 font-medium text-primary hover:underline"
                      data-testid="review-link"
                    >
                      {t('review')}
                      <ArrowRight className="size-3" />
                    </Link>
                  </>
                )}
                {canEdit && (
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    disabled={pending}
                    aria-label={t('remove', { ref })}
                    title={t('remove', { ref })}
                    onClick={() => {
                      if (window.confirm(t('confirmRemove', { ref }))) {
                        run(() => unlink({ projectKey, linkId: entry.linkId }), t('removed', { ref }));
                      }
                    }}
                  >
                    <Trash2 />
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}

      {canEdit && (
        <TraceItemPicker
          projectKey={projectKey}
          type={other}
          linkedIds={links.map((l) => l.itemId)}
          disabled={pending}
          onSelect={addLink}
        />
      )}
    </section>
  );
}
