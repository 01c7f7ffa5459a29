'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type ReactNode } from 'react';

export interface VirtualColumn {
  label: string;
  /** A CSS grid track, e.g. `6rem` or `minmax(12rem, 2fr)`. */
  width: string;
}

/** A row's cells, drawn again only when its data changes: scrolling just moves rows and draws the new ones. */
const RowCells = memo(function RowCells<T>({ row, renderCells }: { row: T; renderCells: (row: T) => ReactNode[] }) {
  return renderCells(row).map((cell, i) => (
    <div key={i} role="cell" className="min-w-0 px-3 py-2">
      {cell}
    </div>
  ));
}) as <T>(props: { row: T; renderCells: (row: T) => ReactNode[] }) => ReactNode;

/**
 * A table whose rows are rendered only while they are in view, so thousands of rows stay fluid. It keeps table
 * semantics (roles, row count and indexes) for assistive technologies; rows may wrap and are measured as drawn.
 * Rows may arrive as they are scrolled to: `rowCount` says how many there are in all, a missing entry of `rows` is
 * drawn as `pendingLabel`, and `onRangeChange` tells which rows are in view (with the overscan) so they can be read.
 * The scroll area takes the focus, so the arrows, Page Up / Down, Home and End scroll it from the keyboard.
 */
export function VirtualRows<T>({
  label,
  columns,
  rows,
  rowCount = rows.length,
  rowKey,
  renderCells,
  onRangeChange,
  pendingLabel,
  resetKey,
  estimateRowHeight = 44,
  minWidth = '48rem',
  testId,
}: {
  label: string;
  columns: VirtualColumn[];
  rows: readonly (T | undefined)[];
  rowCount?: number;
  rowKey: (row: T) => string;
  /** Keep it stable (useCallback): rows are redrawn when it changes. */
  renderCells: (row: T) => ReactNode[];
  onRangeChange?: (first: number, last: number) => void;
  pendingLabel?: string;
  /** Scrolls back to the top when it changes (another filter); by default, when `rows` changes. */
  resetKey?: unknown;
  estimateRowHeight?: number;
  minWidth?: string;
  testId?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render on scroll.
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 12,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? `pending-${index}` : rowKey(row);
    },
  });
  // A new set of rows (another filter) starts from the top, not where the previous list was scrolled to.
  const reset = resetKey === undefined ? rows : resetKey;
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [reset, virtualizer]);
  const template = columns.map((c) => c.width).join(' ');
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={label}
      tabIndex={0}
      className="max-h-[70vh] overflow-auto rounded-lg border bg-background focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      data-testid={testId}
    >
      <div role="table" aria-label={label} aria-rowcount={rowCount + 1} style={{ minWidth }} className="text-sm">
        <div role="rowgroup" className="sticky top-0 z-10 border-b bg-muted/95 backdrop-blur">
          <div role="row" aria-rowindex={1} className="grid" style={{ gridTemplateColumns: template }}>
            {columns.map((column) => (
              <div key={column.label} role="columnheader" className="px-3 py-2 text-left font-medium text-muted-foreground">
                {column.label}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 grid w-full border-b hover:bg-muted/40"
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
              >
                {row === undefined ? (
                  <div role="cell" className="col-span-full px-3 py-2 text-muted-foreground" data-pending="true">
                    {pendingLabel}
                  </div>
                ) : (
                  <RowCells row={row} renderCells={renderCells} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
