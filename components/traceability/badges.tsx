import { AlertTriangle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { CoverageState } from '@/lib/traceability/coverage';
import { cn } from '@/lib/ui/cn';

/** Marks a link (or an item with such links) whose upstream requirement changed since it was last reviewed. */
export function SuspectBadge({ count, className }: { count?: number; className?: string }) {
  const t = useTranslations('traceabilityBadges');
  return (
    <Badge variant="warning" className={cn('gap-1', className)} data-testid="suspect-badge">
      <AlertTriangle className="size-3" />
      {count && count > 1 ? t('suspectCount', { count }) : t('suspect')}
    </Badge>
  );
}

const COVERAGE_STYLE: Record<CoverageState, string> = {
  verified: 'bg-emerald-700 text-white',
  failed: 'bg-red-700 text-white',
  covered: 'bg-emerald-100 text-emerald-900',
  uncovered: 'bg-red-100 text-red-900',
  suspect: 'bg-amber-100 text-amber-900',
};

export function CoverageBadge({ state }: { state: CoverageState }) {
  const t = useTranslations('traceabilityBadges');
  return (
    <Badge className={cn('border-transparent', COVERAGE_STYLE[state])} data-testid={`coverage-${state}`}>
      {t(`coverage.${state}`)}
    </Badge>
  );
}
