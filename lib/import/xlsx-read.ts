import ExcelJS from 'exceljs';
import { IMPORT_LIMITS, sheetOf, type Sheet, type SheetProblem } from './sheet';

/** A cell as text: rich text joined, a formula's last result, a hyperlink's text, a date as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** The first worksheet of an .xlsx file as a grid of text, within the import limits. */
export async function readXlsx(data: ArrayBuffer): Promise<Sheet | { problem: SheetProblem }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch {
    return { problem: 'unreadable' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { problem: 'empty' };
  const grid: string[][] = [];
  let tooWide = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column > IMPORT_LIMITS.columns) tooWide = true;
      else cells[column - 1] = cellText(cell.value);
    });
    grid[number - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  if (tooWide) return { problem: 'tooManyColumns' };
  return sheetOf(Array.from(grid, (row) => row ?? []));
}
