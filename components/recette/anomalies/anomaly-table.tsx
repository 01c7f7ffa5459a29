'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AnomalyPriority, AnomalySeverity, AnomalyStatus } from '@/lib/recette/anomaly-model';
import { formatRef } from '@/lib/traceability/refs';
import { AnomalyStatusBadge, SeverityBadge } from './anomaly-badges';

export interface AnomalyListRow {
  id: string;
  number: number;
  title: string;
  severity: AnomalySeverity;
  priority: AnomalyPriority;
  status: AnomalyStatus;
  assigneeName: string | null;
  /** "#3 Campagne…", or null when the anomaly belongs to no campaign. */
  campaign: string | null;
  /** Formatted by the server, in the reader's locale and time zone. */
  updated: string;
}

/**
 * One page of anomalies. A client component so the page sends the rows' data once, not their markup twice (HTML and
 * RSC payload).
 */
export function AnomalyTable({ basePath, rows }: { basePath: string; rows: AnomalyListRow[] }) {
  const t = useTranslations('anomalies');
  return (
    <div className="rounded-lg border bg-background">
      <Table data-testid="anomalies-table">
        <TableHeader>
          <TableRow>
            <TableHead className="w-24">{t('columns.ref')}</TableHead>
            <TableHead>{t('columns.title')}</TableHead>
            <TableHead>{t('columns.severity')}</TableHead>
            <TableHead>{t('columns.priority')}</TableHead>
            <TableHead>{t('columns.status')}</TableHead>
            <TableHead>{t('columns.assignee')}</TableHead>
            <TableHead>{t('columns.campaign')}</TableHead>
            <TableHead>{t('columns.updated')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const ref = formatRef('anomaly', row.number);
            return (
              <TableRow key={row.id} data-testid={`anomaly-row-${ref}`}>
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
                  <SeverityBadge severity={row.severity} />
                </TableCell>
                <TableCell>{t(`priorities.${row.priority}`)}</TableCell>
                <TableCell>
                  <AnomalyStatusBadge status={row.status} />
                </TableCell>
                <TableCell>{row.assigneeName ?? '—'}</TableCell>
                <TableCell>{row.campaign ?? '—'}</TableCell>
                <TableCell className="whitespace-nowrap text-xs">{row.updated}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
