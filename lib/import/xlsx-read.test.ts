import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { cellText, readXlsx } from './xlsx-read';

async function bytes(build: (sheet: ExcelJS.Worksheet) => void): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Feuille'));
  const buffer = await book.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

describe('.xlsx cells as text', () => {
  test('rich text, formula results, hyperlinks, dates, numbers and booleans', () => {
    expect(cellText({ richText: [{ text: 'Calcul ' }, { text: 'du net', font: { bold: true } }] })).toBe('Calcul du net');
    expect(cellText({ formula: 'A1&B1', result: 'EXF-3' } as ExcelJS.CellFormulaValue)).toBe('EXF-3');
    expect(cellText({ text: 'Lien', hyperlink: 'https://exemple.fr' })).toBe('Lien');
    expect(cellText(new Date(Date.UTC(2026, 2, 13)))).toBe('2026-03-13');
    expect([cellText(12), cellText(true), cellText(null)]).toEqual(['12', 'true', '']);
  });

  test('the first sheet, blank rows keeping their line numbers, empty cells in place', async () => {
    const read = await readXlsx(
      await bytes((sheet) => {
        sheet.addRow(['Titre', 'Priorité', 'Étiquettes']);
        sheet.addRow(['Calcul du brut', 'Doit']);
        sheet.addRow([]);
        sheet.getCell('A4').value = 'Calcul du net';
        sheet.getCell('C4').value = 'paie';
      }),
    );
    expect(read).toEqual({
      headers: ['Titre', 'Priorité', 'Étiquettes'],
      rows: [
        { line: 2, cells: ['Calcul du brut', 'Doit'] },
        { line: 3, cells: [] },
        { line: 4, cells: ['Calcul du net', '', 'paie'] },
      ],
    });
  });

  test('a file that is not a workbook, or one too wide, is refused with its reason', async () => {
    expect(await readXlsx(new TextEncoder().encode('Titre;Priorité').buffer as ArrayBuffer)).toEqual({ problem: 'unreadable' });
    expect(await readXlsx(await bytes((sheet) => sheet.addRow(Array.from({ length: 61 }, (_, i) => `c${i}`))))).toEqual({ problem: 'tooManyColumns' });
  });
});
