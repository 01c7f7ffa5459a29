'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Fragment, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { RequirementListRow } from '@/lib/requirements/list-row';
import { formatRef } from '@/lib/traceability/refs';
import { cn } from '@/lib/ui/cn';
import { RequirementColumnCells, RequirementColumnHeads } from './requirement-row';

/** One page of a tree level, as GET /api/projects/[projectKey]/requirements answers it. */
export interface RequirementTreePage {
  rows: RequirementListRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** The requirement plus its four shared columns. */
const COLUMN_COUNT = 5;

async function fetchLevel(projectKey: string, parentId: string | null, page: number): Promise<RequirementTreePage> {
  const params = new URLSearchParams({ parent: parentId ?? 'root', page: String(page) });
  const response = await fetch(`/api/projects/${encodeURIComponent(projectKey)}/requirements?${params}`, {
    headers: { Accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as (RequirementTreePage & { message?: string }) | null;
  if (!response.ok || !body?.rows) throw new Error(body?.message ?? response.statusText);
  return body;
}

interface TreeState {
  projectKey: string;
  basePath: string;
  expanded: ReadonlySet<string>;
  setExpanded: (id: string, open: boolean) => void;
}

/**
 * The tree view: the top level as the server rendered it, every chapter closed; opening one reads its direct
 * sub-requirements (a page at a time) from the GET route, so the page never carries the whole project. Each toggle
 * is a button with aria-expanded (Enter or Space, and the right / left arrows to open / close).
 */
export function RequirementTree({
  projectKey,
  basePath,
  roots,
}: {
  projectKey: string;
  basePath: string;
  roots: RequirementTreePage;
}) {
  const t = useTranslations('requirements');
  const [expanded, setExpandedSet] = useState<ReadonlySet<string>>(() => new Set());
  const setExpanded = (id: string, open: boolean) =>
    setExpandedSet((previous) => {
      if (previous.has(id) === open) return previous;
      const next = new Set(previous);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  const state: TreeState = { projectKey, basePath, expanded, setExpanded };

  return (
    <div className="flex flex-col gap-2">
      {roots.rows.some((row) => row.childCount > 0) && (
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={() => setExpandedSet(new Set())} disabled={expanded.size === 0}>
            {t('list.collapseAll')}
          </Button>
        </div>
      )}
      <div className="rounded-lg border bg-background">
        <Table data-testid="requirement-tree">
          <caption className="sr-only">{t('list.treeCaption')}</caption>
          <TableHeader>
            <TableRow>
              <TableHead>{t('list.requirement')}</TableHead>
              <RequirementColumnHeads />
            </TableRow>
          </TableHeader>
          <TableBody>
            <TreeLevel state={state} parentId={null} depth={0} initial={roots} />
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

function TreeLevel({
  state,
  parentId,
  depth,
  initial,
}: {
  state: TreeState;
  parentId: string | null;
  depth: number;
  initial?: RequirementTreePage;
}) {
  const t = useTranslations('requirements');
  const level = useInfiniteQuery({
    queryKey: ['requirement-tree', state.projectKey, parentId ?? 'root'],
    queryFn: ({ pageParam }) => fetchLevel(state.projectKey, parentId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    initialData: initial && { pages: [initial], pageParams: [1] },
    // A closed chapter forgets its rows: opened again (or on the next visit) it shows the requirements as they are now.
    gcTime: 0,
  });
  const indent = { paddingLeft: `${depth * 1.5 + 1.75}rem` };

  if (level.isPending) {
    return (
      <TableRow>
        <TableCell colSpan={COLUMN_COUNT} className="text-sm text-muted-foreground" style={indent} role="status">
          {t('list.loadingChildren')}
        </TableCell>
      </TableRow>
    );
  }
  if (level.isError) {
    return (
      <TableRow>
        <TableCell colSpan={COLUMN_COUNT} style={indent}>
          <span className="flex flex-wrap items-center gap-2 text-sm text-destructive" role="alert">
            {t('list.loadFailed')}
            <Button type="button" variant="outline" size="sm" onClick={() => level.refetch()}>
              {t('list.retry')}
            </Button>
          </span>
        </TableCell>
      </TableRow>
    );
  }
  const rows = level.data.pages.flatMap((page) => page.rows);
  const total = level.data.pages[0]?.total ?? rows.length;
  return (
    <>
      {rows.map((row) => (
        <Fragment key={row.id}>
          <TreeRow state={state} row={row} depth={depth} />
          {row.childCount > 0 && state.expanded.has(row.id) && <TreeLevel state={state} parentId={row.id} depth={depth + 1} />}
        </Fragment>
      ))}
      {level.hasNextPage && (
        <TableRow>
          <TableCell colSpan={COLUMN_COUNT} style={indent}>
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => level.fetchNextPage()}
              disabled={level.isFetchingNextPage}
              data-testid="requirement-tree-more"
            >
              {level.isFetchingNextPage ? t('list.loadingChildren') : t('list.showMore', { shown: rows.length, total })}
            </Button>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function TreeRow({ state, row, depth }: { state: TreeState; row: RequirementListRow; depth: number }) {
  const t = useTranslations('requirements');
  const ref = formatRef('requirement', row.number);
  const isChapter = row.childCount > 0;
  const isOpen = state.expanded.has(row.id);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      state.setExpanded(row.id, event.key === 'ArrowRight');
    }
  };
  return (
    <TableRow data-testid={`requirement-${ref}`} data-depth={depth}>
      <TableCell>
        <div className="flex items-start gap-1" style={{ paddingLeft: `${depth * 1.5}rem` }}>
          {isChapter ? (
            <button
              type="button"
              onClick={() => state.setExpanded(row.id, !isOpen)}
              onKeyDown={onKeyDown}
              aria-expanded={isOpen}
              aria-label={t(isOpen ? 'list.collapse' : 'list.expand', { ref, count: row.childCount })}
              className="mt-0.5 rounded p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {isOpen ? <ChevronDown className="size-4" /> : <ChevronRight className="size-4" />}
            </button>
          ) : (
            <span className="inline-block w-5 shrink-0" aria-hidden />
          )}
          <Link href={`${state.basePath}/${ref}`} className="group flex min-w-0 items-baseline gap-2">
            <span className="shrink-0 font-mono text-xs text-muted-foreground">{ref}</span>
            <span className={cn('text-primary group-hover:underline', isChapter && 'font-semibold')}>{row.title}</span>
          </Link>
          {isChapter && !isOpen && (
            <span className="ml-1 whitespace-nowrap text-xs leading-5 text-muted-foreground">
              {t('list.hiddenChildren', { count: row.childCount })}
            </span>
          )}
        </div>
      </TableCell>
      <RequirementColumnCells row={row} />
    </TableRow>
  );
}
