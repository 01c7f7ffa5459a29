'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { SuspectBadge } from '@/components/traceability/badges';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { SpecificationCategory, SpecificationStatus } from '@/lib/specifications/model';
import { formatRef } from '@/lib/traceability/refs';
import { SpecificationCategoryBadge, SpecificationStatusBadge } from './specification-badges';

export interface SpecificationListRow {
  id: string;
  number: number;
  title: string;
  category: SpecificationCategory;
  status: SpecificationStatus;
  requirementCount: number;
  suspectCount: number;
}

/**
 * One page of specifications. A client component so the page sends the rows' data once, not their markup twice
 * (HTML and RSC payload).
 */
export function SpecificationTable({ basePath, rows }: { basePath: string; rows: SpecificationListRow[] }) {
  const t = useTranslations('specifications');
  return (
    <div className="rounded-lg border bg-background">
      <Table data-testid="specifications-table">
        <TableHeader>
          <TableRow>
            <TableHead className="w-24">{t('columns.ref')}</TableHead>
            <TableHead>{t('columns.title')}</TableHead>
            <TableHead>{t('columns.category')}</TableHead>
            <TableHead>{t('columns.status')}</TableHead>
            <TableHead className="text-right">{t('columns.requirements')}</TableHead>
            <TableHead>{t('columns.suspect')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const ref = formatRef('specification', row.number);
            return (
              <TableRow key={row.id} data-testid={`specification-row-${ref}`}>
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
                  <SpecificationCategoryBadge category={row.category} />
                </TableCell>
                <TableCell>
                  <SpecificationStatusBadge status={row.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{row.requirementCount}</TableCell>
                <TableCell>{row.suspectCount > 0 && <SuspectBadge count={row.suspectCount} />}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
