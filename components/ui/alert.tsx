import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';

const alertVariants = cva('relative w-full rounded-lg border px-4 py-3 text-sm', {
  variants: {
    variant: {
      default: 'bg-card text-card-foreground',
      destructive: 'border-destructive/50 bg-destructive/5 text-destructive',
      success: 'border-emerald-600/40 bg-emerald-50 text-emerald-900',
      warning: 'border-amber-600/50 bg-amber-50 text-amber-950',
    },
  },
  defaultVariants: { variant: 'default' },
});

/** `role="status"` or `"alert"` is the caller's choice: Next's route announcer also has role alert. */
export function Alert({ className, variant, ...props }: ComponentProps<'div'> & VariantProps<typeof alertVariants>) {
  return <div className={cn(alertVariants({ variant }), className)} {...props} />;
}
