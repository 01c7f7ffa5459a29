import { useTranslations } from 'next-intl';
import { CoverageBadge, SuspectBadge } from '@/components/traceability/badges';
import { TableCell, TableHead } from '@/components/ui/table';
import type { RequirementListRow } from '@/lib/requirements/list-row';
import { PriorityBadge, StatusBadge, TagList } from './requirement-labels';

/** Headers of the columns both views share, after the requirement itself. */
export function RequirementColumnHeads() {
  const t = useTranslations('requirements');
  return (
    <>
      <TableHead className="w-28">{t('list.priority')}</TableHead>
      <TableHead className="w-28">{t('fields.status')}</TableHead>
      <TableHead>{t('fields.tags')}</TableHead>
      <TableHead className="w-64">{t('list.coverage')}</TableHead>
    </>
  );
}

export function RequirementColumnCells({ row }: { row: RequirementListRow }) {
  return (
    <>
      <TableCell>
        <PriorityBadge priority={row.priority} />
      </TableCell>
      <TableCell>
        <StatusBadge status={row.status} />
      </TableCell>
      <TableCell>
        <TagList tags={row.tags} />
      </TableCell>
      <TableCell>
        <span className="flex flex-wrap gap-1 xl:flex-nowrap">
          <CoverageBadge state={row.coverage} />
          {row.suspectCount > 0 && <SuspectBadge count={row.suspectCount} />}
        </span>
      </TableCell>
    </>
  );
}
