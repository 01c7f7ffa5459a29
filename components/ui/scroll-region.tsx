'use client';

import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { cn } from '@/lib/ui/cn';

/**
 * A box that scrolls sideways when its content (a wide table) is wider than the screen, instead of the whole page
 * scrolling. While it does overflow it is a tab stop, so the keyboard can scroll it too (WCAG 2.1.1, axe
 * `scrollable-region-focusable`); when everything fits it adds no stop to the tab order.
 */
export function ScrollRegion({ className, children, ...props }: ComponentProps<'div'>) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      {...props}
      tabIndex={overflows ? 0 : undefined}
      className={cn('relative w-full max-w-full overflow-x-auto focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring', className)}
    >
      {children}
    </div>
  );
}
