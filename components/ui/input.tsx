import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';

/** Their classes are app/globals.css's component classes: a form of many fields repeated ~300 characters per field. */
export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn('input', className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn('textarea', className)} {...props} />;
}

export function NativeSelect({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn('select', className)} {...props} />;
}
