'use client';

import { ChevronDown, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatRef } from '@/lib/traceability/refs';
import { cn } from '@/lib/ui/cn';
import { outlineOrder } from './outline';
import { RequirementColumnCells, RequirementColumnHeads, type RequirementRowData } from './requirement-row';

/**
 * The tree view: chapters and the requirements filed under them, indented, each chapter foldable. With filters on,
 * a match whose chapter does not match is shown at the top level rather than hidden.
 */
export function RequirementTree({ basePath, rows }: { basePath: string; rows: RequirementRowData[] }) {
  const t = useTranslations('requirements');
  const entries = useMemo(() => outlineOrder(rows), [rows]);
  const chapterIds = useMemo(() => entries.filter((e) => e.childCount > 0).map((e) => e.item.id), [entries]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  const toggle = (id: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="flex flex-col gap-2">
      {chapterIds.length > 0 && (
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={() => setCollapsed(new Set())} disabled={collapsed.size === 0}>
            {t('list.expandAll')}
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => setCollapsed(new Set(chapterIds))}
            disabled={collapsed.size === chapterIds.length}
          >
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
            {entries
              .filter((entry) => !entry.ancestors.some((id) => collapsed.has(id)))
              .map(({ item: row, depth, childCount }) => {
                const ref = formatRef('requirement', row.number);
                const isCollapsed = collapsed.has(row.id);
                return (
                  <TableRow key={row.id} data-testid={`requirement-${ref}`} data-depth={depth}>
                    <TableCell>
                      <div className="flex items-start gap-1" style={{ paddingLeft: `${depth * 1.5}rem` }}>
                        {childCount > 0 ? (
                          <button
                            type="button"
                            onClick={() => toggle(row.id)}
                            aria-expanded={!isCollapsed}
                            aria-label={t(isCollapsed ? 'list.expand' : 'list.collapse', { ref, count: childCount })}
                            className="mt-0.5 rounded p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                          >
                            {isCollapsed ? <ChevronRight className="size-4" /> : <ChevronDown className="size-4" />}
                          </button>
                        ) : (
                          <span className="inline-block w-5 shrink-0" aria-hidden />
                        )}
                        <Link href={`${basePath}/${ref}`} className="group flex min-w-0 items-baseline gap-2">
                          <span className="shrink-0 font-mono text-xs text-muted-foreground">{ref}</span>
                          <span className={cn('text-primary group-hover:underline', childCount > 0 && 'font-semibold')}>
                            {row.title}
                          </span>
                        </Link>
                        {isCollapsed && (
                          <span className="ml-1 whitespace-nowrap text-xs leading-5 text-muted-foreground">
                            {t('list.hiddenChildren', { count: childCount })}
                          </span>
                        )}
                      </div>
                    </TableCell>
                    <RequirementColumnCells row={row} />
                  </TableRow>
                );
              })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
