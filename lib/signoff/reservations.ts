/** Reservation rules (DESIGN.md §3): when lifting is proposed, when one is overdue. Pure. */

export const RESERVATION_STATUSES = ['open', 'lifted'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * Lifting is proposed once every anomaly behind the reservation is closed (closing follows a passing retest in the
 * anomaly workflow). A reservation with no anomaly is lifted by an approver's judgement alone, never proposed.
 */
export function liftingProposed(status: ReservationStatus, anomalyStatuses: readonly string[]): boolean {
  return status === 'open' && anomalyStatuses.length > 0 && anomalyStatuses.every((s) => s === 'closed');
}

/**
 * Overdue: still open after its due date (dates as YYYY-MM-DD, `today` in Europe/Paris): due today is not late yet.
 * The one rule: lists and pages apply it to the rows they show, and the feed's query (db/queries/
 * reservation-overdue.ts) states the same comparison in SQL so the bell counts without reading every reservation.
 */
export function isOverdue(status: ReservationStatus, dueDate: string, today: string): boolean {
  return status === 'open' && dueDate < today;
}

/** The overdue ones first (oldest due first), then the other open ones, then the lifted: the list's order. */
export function overdueFirst<T extends { status: ReservationStatus; dueDate: string; number: number }>(rows: readonly T[], today: string): T[] {
  const rank = (r: T) => (isOverdue(r.status, r.dueDate, today) ? 0 : r.status === 'open' ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.number - b.number);
}

/** Today's date in Europe/Paris, as YYYY-MM-DD. */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An approver may lift an open reservation once its anomalies are all closed, or, with none, on their judgement. */
export function canLift(status: ReservationStatus, anomalyStatuses: readonly string[]): boolean {
  return status === 'open' && anomalyStatuses.every((s) => s === 'closed');
}
