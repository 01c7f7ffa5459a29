import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { PageNav } from '@/components/ui/page-nav';

/**
 * The frame of a paginated list page (anomalies, campaigns, test cases, specifications): the count of what matches
 * (announced when filters change it), the empty state — "nothing matches" with a way back to the whole list when
 * filtered, otherwise what the list is for, worded for writers or readers — the rows, and the page links.
 * Texts come from the list's own namespace: `total`, `empty.{title,writer,reader,filtered,clear}`, `pagination`,
 * `pageOf`, `previous`, `next`. Data test ids are `<name>-total` and `<name>-empty`.
 */
export async function PagedList({
  name,
  namespace,
  result,
  filtered = false,
  canWrite,
  clearHref,
  pageHref,
  children,
}: {
  name: string;
  namespace: string;
  /** The page of rows as the list query answers it. */
  result: { rows: readonly unknown[]; total: number; page: number; pageSize: number };
  filtered?: boolean;
  canWrite: boolean;
  /** The unfiltered list, offered when filters match nothing. */
  clearHref: string;
  pageHref: (page: number) => string;
  children: ReactNode;
}) {
  const t = await getTranslations(namespace);
  const { total, page } = result;
  const pages = Math.max(1, Math.ceil(total / result.pageSize));
  return (
    <>
      <p className="text-sm text-muted-foreground" data-testid={`${name}-total`} aria-live="polite">
        {t('total', { count: total })}
      </p>
      {result.rows.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-lg border bg-background p-8 text-center" data-testid={`${name}-empty`}>
          {filtered ? (
            <>
              <p className="text-muted-foreground">{t('empty.filtered')}</p>
              <Button asChild variant="outline" size="sm">
                <Link href={clearHref}>{t('empty.clear')}</Link>
              </Button>
            </>
          ) : (
            <>
              <p className="font-medium">{t('empty.title')}</p>
              <p className="max-w-xl text-sm text-muted-foreground">{canWrite ? t('empty.writer') : t('empty.reader')}</p>
            </>
          )}
        </div>
      ) : (
        children
      )}
      <PageNav
        page={page}
        pages={pages}
        href={pageHref}
        labels={{ nav: t('pagination'), pageOf: t('pageOf', { page, pages }), previous: t('previous'), next: t('next') }}
      />
    </>
  );
}
