import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';
import { ScrollRegion } from './scroll-region';

/**
 * A data table: `.data-table` (app/globals.css) styles its rows and cells, so a row or a cell carries only the
 * classes it adds (50 rows × 7 cells repeated the same ones in the HTML and the RSC payload).
 */
export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <ScrollRegion>
      <table className={cn('data-table', className)} {...props} />
    </ScrollRegion>
  );
}
export function TableHeader(props: ComponentProps<'thead'>) {
  return <thead {...props} />;
}
export function TableBody(props: ComponentProps<'tbody'>) {
  return <tbody {...props} />;
}
export function TableRow(props: ComponentProps<'tr'>) {
  return <tr {...props} />;
}
export function TableHead(props: ComponentProps<'th'>) {
  return <th {...props} />;
}
export function TableCell(props: ComponentProps<'td'>) {
  return <td {...props} />;
}
