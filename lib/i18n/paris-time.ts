/** Date-times typed in a form (`datetime-local`, no zone) are Paris wall-clock times (DESIGN.md: dates Europe/Paris). */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris's offset from UTC at an instant, in milliseconds. */
function parisOffset(instant: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - Math.floor(instant / 1000) * 1000;
}

/** `YYYY-MM-DDTHH:mm` in Paris → the instant; null when it is not such a date-time or does not exist. */
export function parisLocalToInstant(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // Two passes: the offset at the first guess may be the other side of a DST change.
  let instant = wall - parisOffset(wall);
  instant = wall - parisOffset(instant);
  const back = new Date(instant + parisOffset(instant)).toISOString().slice(0, 16);
  return back === value ? new Date(instant) : null;
}

/** The instant as a Paris `YYYY-MM-DDTHH:mm`, for a `datetime-local` default value. */
export function instantToParisLocal(instant: Date): string {
  return new Date(instant.getTime() + parisOffset(instant.getTime())).toISOString().slice(0, 16);
}
