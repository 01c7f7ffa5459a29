import { PassThrough, Readable } from 'node:stream';
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

/**
 * The workbook written as it is read: exceljs's streaming writer commits each row to the zip as soon as it is
 * added, so neither the cell objects of the whole workbook nor the finished file are ever held in memory; the
 * response sends the zip's bytes as they come out (backpressure from the client slows the writer down). Text goes
 * to the shared-strings table (kept until the end, one entry per distinct text), as in a workbook Excel writes: the
 * streaming writer's inline alternative is a formula-result type that drops empty cells.
 */
export function xlsxStream(sheets: XlsxSheet[], locale: Locale): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Passerelle';
  const dateFormat = locale === 'fr' ? 'dd/mm/yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
  const write = async () => {
    for (const spec of sheets) {
      const sheet = workbook.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = spec.columns.map((column) => ({ width: column.width ?? Math.max(12, column.header.length + 4) }));
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
      const header = sheet.addRow(spec.columns.map((column) => column.header));
      header.font = { bold: true };
      header.commit();
      for (const row of spec.rows) {
        const added = sheet.addRow(row.map((cell) => (cell instanceof Date ? parisWallClock(cell) : cell)));
        row.forEach((cell, index) => {
          if (cell instanceof Date) added.getCell(index + 1).numFmt = dateFormat;
        });
        added.commit();
      }
      sheet.commit();
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function xlsxDownload(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
