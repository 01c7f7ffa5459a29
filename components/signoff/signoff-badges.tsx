import { useTranslations } from 'next-intl';
import { cn } from '@/lib/ui/cn';
import type { ApprovalStatus } from '@/lib/signoff/model';

const STATUS_CLASSES: Record<ApprovalStatus, string> = {
  pending: 'bg-amber-100 text-amber-900',
  approved: 'bg-emerald-100 text-emerald-900',
  approved_with_reservations: 'bg-sky-100 text-sky-900',
  rejected: 'bg-red-100 text-red-900',
};

export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  const t = useTranslations('signoff.statuses');
  return (
    <span className={cn('inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium', STATUS_CLASSES[status])} data-testid="approval-status">
      {t(status)}
    </span>
  );
}

/** "En retard" in red, "Levée" in green, "Ouverte" neutral: overdue reservations stand out in every list. */
export function ReservationBadge({ state }: { state: 'open' | 'overdue' | 'lifted' }) {
  const t = useTranslations('signoff.reservations');
  const classes = { open: 'bg-secondary text-secondary-foreground', overdue: 'bg-red-100 text-red-900', lifted: 'bg-emerald-100 text-emerald-900' }[state];
  return (
    <span className={cn('inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium', classes)} data-testid={`reservation-${state}`}>
      {t(state === 'lifted' ? 'liftedBadge' : state)}
    </span>
  );
}
