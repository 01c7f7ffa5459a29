import { describe, expect, test } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { detectSeparator, parseCsv } from './csv-read';

describe('CSV dialects', () => {
  test('Excel in French: byte-order mark, semicolons, CRLF, commas inside cells', () => {
    const { separator, rows } = parseCsv('\uFEFFRéf;Titre;Priorité\r\nEXF-1;Paie, net et brut;Doit\r\n');
    expect(separator).toBe(';');
    expect(rows).toEqual([
      ['Réf', 'Titre', 'Priorité'],
      ['EXF-1', 'Paie, net et brut', 'Doit'],
    ]);
  });

  test('Excel in English: commas, LF, quoted cells with separators, doubled quotes and line breaks', () => {
    const { separator, rows } = parseCsv('Title,Statement\n"Pay; slip","He said ""yes""\nthen left"\nSecond,\n');
    expect(separator).toBe(',');
    expect(rows).toEqual([
      ['Title', 'Statement'],
      ['Pay; slip', 'He said "yes"\nthen left'],
      ['Second', ''],
    ]);
  });

  test('tabs, a lone CR between rows and no final line break', () => {
    expect(parseCsv('a\tb\rc\td')).toEqual({ separator: '\t', rows: [['a', 'b'], ['c', 'd']] });
  });

  test('the separator is judged on the header, outside quotes', () => {
    expect(detectSeparator('"a;b;c",d\n1;2;3;4;5')).toBe(',');
    expect(detectSeparator('Titre')).toBe(';');
  });

  test('what our own CSV export writes reads back cell for cell', () => {
    const grid = [['Réf', 'Titre'], ['EXF-1', 'dit "oui"; puis\nnon'], ['EXF-2', ' espace ']];
    expect(parseCsv(toCsv(grid)).rows).toEqual(grid);
  });
});
