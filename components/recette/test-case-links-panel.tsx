'use client';

import { Trash2 } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { SuspectBadge } from '@/components/traceability/badges';
import { TraceItemPicker, type TraceItemOption } from '@/components/traceability/trace-item-picker';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { ActionResult } from '@/lib/actions/result';
import { formatRef } from '@/lib/traceability/refs';

type Target = 'specification' | 'requirement';

export interface TestCaseLinkEntry {
  linkId: string;
  targetType: Target;
  upstreamId: string;
  number: number;
  title: string;
  upstreamVersion: number;
  suspect: boolean;
  directlySuspect: boolean;
}

const SECTION: Record<Target, string> = { requirement: 'requirements', specification: 'specifications' };

/**
 * What a test case verifies, on its detail page: its specifications and requirements, each link's suspicion (its
 * own, or inherited from the specification's requirement), and for people who write tests a picker to add links, a
 * review of a directly suspect link, and removal.
 */
export function TestCaseLinksPanel({
  projectKey,
  testCaseId,
  links,
  canEdit,
  link,
  unlink,
  review,
}: {
  projectKey: string;
  testCaseId: string;
  links: TestCaseLinkEntry[];
  canEdit: boolean;
  link: (input: { projectKey: string; testCaseId: string; targetType: Target; targetId: string }) => Promise<ActionResult<{ linkId: string }>>;
  unlink: (input: { projectKey: string; linkId: string }) => Promise<ActionResult<{ linkId: string }>>;
  review: (input: { projectKey: string; linkId: string; seenVersion: number }) => Promise<ActionResult<{ reviewedVersion: number }>>;
}) {
  const t = useTranslations('testCases.links');
  const router = useRouter();
  const headingId = useId();
  const targetId = useId();
  const [target, setTarget] = useState<Target>('specification');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const base = `/projects/${encodeURIComponent(projectKey)}`;

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

  const addLink = (option: TraceItemOption) =>
    run(() => link({ projectKey, testCaseId, targetType: target, targetId: option.id }), t('linked', { ref: option.ref }));

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3" data-testid="test-case-links-panel">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {t('heading')}
        </h2>
        {links.some((l) => l.suspect) && <SuspectBadge count={links.filter((l) => l.suspect).length} />}
      </div>
      {error && (
        <Alert variant="destructive" role="alert" data-testid="test-links-error">
          {error}
        </Alert>
      )}
      {notice && !error && (
        <Alert variant="success" role="status" data-testid="test-links-notice">
          {notice}
        </Alert>
      )}
      {links.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <ul className="divide-y rounded-md border bg-background" data-testid="test-case-links">
          {links.map((entry) => {
            const ref = formatRef(entry.targetType, entry.number);
            return (
              <li
                key={entry.linkId}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
                data-testid={`test-link-${ref}`}
                data-suspect={entry.suspect ? 'true' : 'false'}
              >
                <span className="text-xs text-muted-foreground">{t(entry.targetType)}</span>
                <Link href={`${base}/${SECTION[entry.targetType]}/${ref}`} className="font-mono font-medium text-primary hover:underline">
                  {ref}
                </Link>
                <span className="min-w-0 flex-1 basis-48 truncate" title={entry.title}>
                  {entry.title}
                </span>
                {entry.suspect && <SuspectBadge />}
                {entry.suspect && !entry.directlySuspect && <span className="text-xs text-muted-foreground">{t('inherited')}</span>}
                {canEdit && entry.directlySuspect && (
                  <Button
                    type="button"
                    size="sm"
                    variant="outline"
                    disabled={pending}
                    onClick={() => run(() => review({ projectKey, linkId: entry.linkId, seenVersion: entry.upstreamVersion }), t('review'))}
                  >
                    {t('review')}
                  </Button>
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
                      if (window.confirm(t('confirmRemove', { ref }))) run(() => unlink({ projectKey, linkId: entry.linkId }), t('removed', { ref }));
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
        <div className="flex flex-col gap-2 rounded-md border bg-background p-3">
          <div className="flex flex-col gap-1 sm:w-56">
            <Label htmlFor={targetId}>{t('linkTo')}</Label>
            <NativeSelect id={targetId} value={target} onChange={(e) => setTarget(e.target.value as Target)} data-testid="test-link-target">
              <option value="specification">{t('specification')}</option>
              <option value="requirement">{t('requirement')}</option>
            </NativeSelect>
          </div>
          <TraceItemPicker
            key={target}
            projectKey={projectKey}
            type={target}
            linkedIds={links.filter((l) => l.targetType === target).map((l) => l.upstreamId)}
            disabled={pending}
            onSelect={addLink}
          />
        </div>
      )}
    </section>
  );
}
