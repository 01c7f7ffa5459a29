/**
 * Turns what a person types into a PostgreSQL tsquery: every word must match, each as a prefix, so "spéc paie"
 * finds "spécifications de la paie". Operators are stripped: typed text never becomes query syntax.
 * Returns null when nothing searchable remains.
 */
export function toPrefixTsquery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `${w}:*`).join(' & ');
}
