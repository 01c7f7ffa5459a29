'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { SuspectBadge } from '@/components/traceability/badges';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { TestCasePriority, TestCaseType } from '@/lib/recette/model';
import { formatRef } from '@/lib/traceability/refs';

export interface TestCaseListRow {
  id: string;
  number: number;
  title: string;
  type: TestCaseType;
  priority: TestCasePriority;
  folder: string | null;
  stepCount: number;
  linkCount: number;
  suspectCount: number;
}

/**
 * One page of test cases, folder by folder (a heading row opens each folder). A client component so the page sends
 * the rows' data once, not their markup twice (HTML and RSC payload).
 */
export function TestCaseTable({ basePath, rows }: { basePath: string; rows: TestCaseListRow[] }) {
  const t = useTranslations('testCases');
  return (
    <div className="rounded-lg border bg-background">
      <Table data-testid="test-cases-table">
        <TableHeader>
          <TableRow>
            <TableHead className="w-24">{t('columns.ref')}</TableHead>
            <TableHead>{t('columns.title')}</TableHead>
            <TableHead>{t('columns.type')}</TableHead>
            <TableHead>{t('columns.priority')}</TableHead>
            <TableHead className="text-right">{t('columns.steps')}</TableHead>
            <TableHead className="text-right">{t('columns.links')}</TableHead>
            <TableHead>{t('columns.suspect')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.flatMap((row, index) => {
            const ref = formatRef('testCase', row.number);
            const cells = [];
            if (index === 0 || rows[index - 1]!.folder !== row.folder) {
              cells.push(
                <TableRow key={`folder-${row.folder}`} className="bg-muted/40 hover:bg-muted/40">
                  <TableCell colSpan={7} className="py-1.5 text-xs font-medium text-muted-foreground">
                    {row.folder ? row.folder.split('/').join(' › ') : t('noFolder')}
                  </TableCell>
                </TableRow>,
              );
            }
            cells.push(
              <TableRow key={row.id} data-testid={`test-case-row-${ref}`}>
                <TableCell className="whitespace-nowrap font-mono text-xs">
                  <Link href={`${basePath}/${ref}`} className="text-primary hover:underline">
                    {ref}
                  </Link>
                </TableCell>
                <TableCell className="min-w-64">
                  <Link href={`${basePath}/${ref}`} className="font-medium hover:underline">
                    {row.title}
                  </Link>
                </TableCell>
                <TableCell>
                  <Badge variant="outline">{t(`types.${row.type}`)}</Badge>
                </TableCell>
                <TableCell>{t(`priorities.${row.priority}`)}</TableCell>
                <TableCell className="text-right tabular-nums">{row.stepCount}</TableCell>
                <TableCell className="text-right tabular-nums">{row.linkCount}</TableCell>
                <TableCell>{row.suspectCount > 0 && <SuspectBadge count={row.suspectCount} />}</TableCell>
              </TableRow>,
            );
            return cells;
          })}
        </TableBody>
      </Table>
    </div>
  );
}
