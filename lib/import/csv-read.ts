/**
 * Reads a CSV file as spreadsheets write it. Excel in French writes `;` between cells and a UTF-8 byte-order mark;
 * Excel in English and most tools write `,`; some exports use tabs. The separator is the one of `;`, `,` or tab
 * that occurs most often outside quotes on the first line (the header). Quoted cells may hold separators, doubled
 * quotes and line breaks (RFC 4180); CRLF, LF and CR all end a row.
 */
export type CsvSeparator = ';' | ',' | '\t';

const CANDIDATES: readonly CsvSeparator[] = [';', ',', '\t'];

export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvSeparator)) counts.set(char as CsvSeparator, counts.get(char as CsvSeparator)! + 1);
  }
  let best: CsvSeparator = ';';
  for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return best;
}

export function parseCsv(input: string): { separator: CsvSeparator; rows: string[][] } {
  const text = input.replace(/^\uFEFF/, '');
  const separator = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      i += 1;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      endRow();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else cell += char;
    i += 1;
  }
  if (cell !== '' || row.length > 0) endRow();
  return { separator, rows };
}
