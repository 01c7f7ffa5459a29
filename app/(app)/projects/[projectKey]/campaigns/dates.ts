import type { getFormatter, getTranslations } from 'next-intl/server';

type T = Awaited<ReturnType<typeof getTranslations<'campaigns'>>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

/** A campaign's planned dates in words ("Du 2 mars 2026 au 13 mars 2026"); stored as calendar dates, shown as such. */
export function plannedDates(t: T, format: Format, start: string | null, end: string | null): string {
  // A calendar date has no time zone: read at noon UTC, it is the same day in Paris.
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: 'medium' });
  if (start && end) return t('detail.dates', { start: day(start), end: day(end) });
  if (start) return t('detail.from', { start: day(start) });
  if (end) return t('detail.until', { end: day(end) });
  return t('detail.noDates');
}
