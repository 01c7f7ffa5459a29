'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { RequirementAncestor, RequirementListRow } from '@/lib/requirements/list-row';
import { formatRef } from '@/lib/traceability/refs';
import { RequirementColumnCells, RequirementColumnHeads } from './requirement-row';

/**
 * One page of requirements in ref order: the flat view, and search results in the tree view, where each row also
 * names the chapters it is filed under (`paths`, by requirement id). A client component so the page sends the rows'
 * data once, not their markup twice (HTML and RSC payload).
 */
export function RequirementTable({
  basePath,
  rows,
  paths,
}: {
  basePath: string;
  rows: RequirementListRow[];
  paths?: Readonly<Record<string, RequirementAncestor[]>>;
}) {
  const t = useTranslations('requirements');
  return (
    <div className="rounded-lg border bg-background">
      <Table data-testid="requirement-table">
        <caption className="sr-only">{t('list.flatCaption')}</caption>
        <TableHeader>
          <TableRow>
            <TableHead className="w-24">{t('list.ref')}</TableHead>
            <TableHead>{t('fields.title')}</TableHead>
            <RequirementColumnHeads />
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const ref = formatRef('requirement', row.number);
            const path = paths?.[row.id] ?? [];
            return (
              <TableRow key={row.id} data-testid={`requirement-${ref}`}>
                <TableCell className="whitespace-nowrap font-mono text-xs text-muted-foreground">{ref}</TableCell>
                <TableCell>
                  {path.length > 0 && (
                    <p className="mb-0.5 text-xs text-muted-foreground" data-testid={`requirement-path-${ref}`}>
                      <span className="sr-only">{t('list.filedUnder')} </span>
                      {path.map((chapter, i) => {
                        const chapterRef = formatRef('requirement', chapter.number);
                        return (
                          <span key={chapter.id}>
                            {i > 0 && <span aria-hidden> › </span>}
                            <Link href={`${basePath}/${chapterRef}`} className="hover:underline" title={chapter.title}>
                              {chapterRef}
                            </Link>
                          </span>
                        );
                      })}
                    </p>
                  )}
                  <Link href={`${basePath}/${ref}`} className="font-medium text-primary hover:underline">
                    {row.title}
                  </Link>
                </TableCell>
                <RequirementColumnCells row={row} />
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
