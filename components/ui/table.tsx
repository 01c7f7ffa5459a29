import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';
import { ScrollRegion } from './scroll-region';

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
  return <tr className={cn('border-b transition-colors hover:bg-muted/50', className)} {...props} />;
}
export function TableHead({ className, ...props }: ComponentProps<'th'>) {
  return <th className={cn('h-10 px-3 text-left align-middle font-medium text-muted-foreground', className)} {...props} />;
}
export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2 align-middle', className)} {...props} />;
}
