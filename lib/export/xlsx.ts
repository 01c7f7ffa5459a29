import ExcelJS from 'exceljs';
import { TIME_ZONE, type Locale } from '@/lib/i18n/locales';

/**
 * Spreadsheets for download, written with exceljs: one sheet per table, the header row frozen and filtered, columns
 * sized to their header, dates shown as the Paris clock read them. Cells are typed values (text stays text, so a
 * title starting with "=" is never a formula).
 */
export type XlsxCell = string | number | Date | null;

export interface XlsxSheet {
  name: string;
  columns: { header: string; width?: number }[];
  rows: XlsxCell[][];
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A spreadsheet date has no time zone: it is the wall clock. The instant as read in Paris, stored as that clock
 * (a Date whose UTC fields are the Paris ones, which is how exceljs writes it).
 */
export function parisWallClock(instant: Date): Date {
  const part = Object.fromEntries(PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second)));
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

export async function xlsxWorkbook(sheets: XlsxSheet[], locale: Locale): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passerelle';
  const dateFormat = locale === 'fr' ? 'dd/mm/yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((column) => ({ header: column.header, width: column.width ?? Math.max(12, column.header.length + 4) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) {
      const added = sheet.addRow(row.map((cell) => (cell instanceof Date ? parisWallClock(cell) : cell)));
      row.forEach((cell, index) => {
        if (cell instanceof Date) added.getCell(index + 1).numFmt = dateFormat;
      });
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function xlsxDownload(body: Uint8Array, filename: string): Response {
  return new Response(body as BodyInit, {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
