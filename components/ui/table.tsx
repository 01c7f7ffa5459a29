import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';
import { ScrollRegion } from './scroll-region';

// Rows, headers and cells carry one short class each (app/globals.css, `ui-*`): a list repeats them on every cell.

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <ScrollRegion>
      <table className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </ScrollRegion>
  );
}
export function TableHeader(props: ComponentProps<'thead'>) {
  return <thead className="[&_tr]:border-b" {...props} />;
}
export function TableBody(props: ComponentProps<'tbody'>) {
  return <tbody className="[&_tr:last-child]:border-0" {...props} />;
}
export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cn('ui-tr', className)} {...props} />;
}
export function TableHead({ className, ...props }: ComponentProps<'th'>) {
  return <th className={cn('ui-th', className)} {...props} />;
}
export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('ui-td', className)} {...props} />;
}
