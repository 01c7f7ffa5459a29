import type { getFormatter } from 'next-intl/server';

type Format = Awaited<ReturnType<typeof getFormatter>>;

/** A calendar date (no time zone): read at noon UTC, it is the same day in Paris. */
export function calendarDate(format: Format, date: string): string {
  return format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: 'long' });
}
