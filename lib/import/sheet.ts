import type { SheetRow } from './rows';

/**
 * The limits of one import, the same in the browser (which reads the file) and on the server (which checks what it
 * is sent): a file over them is refused whole with a message that says which limit, never cut silently.
 */
export const IMPORT_LIMITS = {
  fileBytes: 5 * 1024 * 1024,
  rows: 5_000,
  columns: 60,
  cellChars: 20_000,
  /** What the browser may send for one check or import (the rows as JSON), under the server's body limit. */
  payloadBytes: 10 * 1024 * 1024,
} as const;

export type SheetProblem = 'payloadTooLarge' | 'empty' | 'tooManyRows' | 'tooManyColumns' | 'cellTooLong' | 'unreadable' | 'fileTooLarge' | 'unsupportedFormat';

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** A grid of cells (the header first) as the import reads it; blank rows keep their line numbers. */
export function sheetOf(grid: readonly (readonly string[])[]): Sheet | { problem: SheetProblem } {
  let last = grid.length - 1;
  while (last >= 0 && grid[last]!.every((cell) => cell.trim() === '')) last -= 1;
  if (last < 1) return { problem: 'empty' };
  if (last > IMPORT_LIMITS.rows) return { problem: 'tooManyRows' };
  const width = Math.max(...grid.slice(0, last + 1).map((row) => row.length));
  if (width > IMPORT_LIMITS.columns) return { problem: 'tooManyColumns' };
  if (grid.slice(0, last + 1).some((row) => row.some((cell) => cell.length > IMPORT_LIMITS.cellChars))) return { problem: 'cellTooLong' };
  const headers = [...grid[0]!].map((h) => h.trim());
  const rows = grid.slice(1, last + 1).map((cells, index) => ({ line: index + 2, cells: [...cells] }));
  return { headers, rows };
}
