import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .max(60)
  .regex(/^[a-z_]*$/)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/**
 * The journal's URL filters. Bad values are dropped rather than refused: a hand-edited URL still shows the page.
 * Days are calendar days in Europe/Paris, turned into instants by the caller.
 */
export const auditSearchSchema = z.object({
  entity: optionalText,
  action: optionalText,
  actor: z.uuid().optional().catch(undefined),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** Midnight in Paris of a YYYY-MM-DD day, as a UTC instant (handles the summer-time offset). */
export function parisMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcGuess = Date.UTC(y, m - 1, d);
  const offsetMinutes = parisOffsetMinutes(new Date(utcGuess));
  return new Date(utcGuess - offsetMinutes * 60_000);
}

function parisOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

export function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
