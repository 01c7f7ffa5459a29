import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV for French Excel', () => {
  test('starts with a byte-order mark, separates with ; and ends rows with CRLF', () => {
    expect(toCsv([['Réf', 'Titre'], ['EXF-1', 'Paie']])).toBe('\uFEFFRéf;Titre\r\nEXF-1;Paie\r\n');
  });

  test('quotes cells holding the separator, quotes or line breaks, and doubles quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell(' espace')).toBe('" espace"');
  });

  test('a cell a spreadsheet would run as a formula is neutralized', () => {
    for (const formula of ['=1+1', '+33 1', '-2', '@SUM(A1)', '\tx']) expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-2)).toBe('-2');
  });

  test('plain text and numbers pass through', () => {
    expect(csvCell('Calcul du bulletin')).toBe('Calcul du bulletin');
    expect(csvCell(42)).toBe('42');
  });
});
