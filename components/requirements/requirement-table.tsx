import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatRef } from '@/lib/traceability/refs';
import { RequirementColumnCells, RequirementColumnHeads, type RequirementRowData } from './requirement-row';

/** The flat view: one page of requirements in ref order. */
export function RequirementTable({ basePath, rows }: { basePath: string; rows: RequirementRowData[] }) {
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
            return (
              <TableRow key={row.id} data-testid={`requirement-${ref}`}>
                <TableCell className="whitespace-nowrap font-mono text-xs text-muted-foreground">{ref}</TableCell>
                <TableCell>
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
