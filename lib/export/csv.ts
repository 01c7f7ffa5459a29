/**
 * CSV for French Excel: UTF-8 with a byte-order mark, `;` between cells, CRLF between rows. A cell that a
 * spreadsheet would read as a formula (= + - @, tab, carriage return) gets a leading quote: exported text never runs.
 */
const SEPARATOR = ';';

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: (string | number)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(SEPARATOR)).join('\r\n')}\r\n`;
}
