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
 */
export function VirtualRows<T>({
  label,
  columns,
  rows,
  rowKey,
  renderCells,
  estimateRowHeight = 44,
  minWidth = '48rem',
  testId,
}: {
  label: string;
  columns: VirtualColumn[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Keep it stable (useCallback): rows are redrawn when it changes. */
  renderCells: (row: T) => ReactNode[];
  estimateRowHeight?: number;
  minWidth?: string;
  testId?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render on scroll.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 12,
    getItemKey: (index) => rowKey(rows[index]!),
  });
  // A new set of rows (another filter) starts from the top, not where the previous list was scrolled to.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [rows, virtualizer]);
  const template = columns.map((c) => c.width).join(' ');
  const items = virtualizer.getVirtualItems();

  return (
    <div
      ref={scrollRef}
      className="max-h-[70vh] overflow-auto rounded-lg border bg-background"
      data-testid={testId}
    >
      <div role="table" aria-label={label} aria-rowcount={rows.length + 1} style={{ minWidth }} className="text-sm">
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
            const row = rows[item.index]!;
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
                <RowCells row={row} renderCells={renderCells} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
