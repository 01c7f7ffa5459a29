import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { SpecificationCategory, SpecificationStatus } from '@/lib/specifications/model';
import { cn } from '@/lib/ui/cn';

const STATUS_STYLE: Record<SpecificationStatus, string> = {
  draft: 'bg-slate-100 text-slate-800',
  in_review: 'bg-sky-100 text-sky-900',
  approved: 'bg-emerald-100 text-emerald-900',
  superseded: 'bg-zinc-200 text-zinc-600 line-through decoration-zinc-400',
};

export function SpecificationStatusBadge({ status }: { status: SpecificationStatus }) {
  const t = useTranslations('specifications.statuses');
  return (
    <Badge className={cn('border-transparent', STATUS_STYLE[status])} data-testid="specification-status">
      {t(status)}
    </Badge>
  );
}

export function SpecificationCategoryBadge({ category }: { category: SpecificationCategory }) {
  const t = useTranslations('specifications.categories');
  return (
    <Badge variant="outline" data-testid="specification-category">
      {t(category)}
    </Badge>
  );
}
