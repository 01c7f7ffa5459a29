'use client';

import { Suspense, useState, type ComponentProps, type ReactNode } from 'react';
import { Button } from './button';

/**
 * A menu button whose menu code (Radix dropdown: popper, focus scope, dismissable layer…) is fetched the first time
 * someone reaches for it (pointer over it, focus, click) rather than with every page: it is in the header of every
 * page but opened on few. Until then it is a plain button with the same look; a click (or Enter, Space) renders
 * `menu`, which opens at once.
 */
export function LazyMenu({
  load,
  menu,
  children,
  ...button
}: Omit<ComponentProps<typeof Button>, 'onClick' | 'asChild'> & {
  /** The dynamic import of the menu module, to fetch it ahead of the click. */
  load: () => Promise<unknown>;
  /** The real menu, from a `lazy()` component, opened on mount. */
  menu: ReactNode;
}) {
  const [wanted, setWanted] = useState(false);
  const trigger = (
    <Button
      {...button}
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => void load()}
      onFocus={() => void load()}
      onClick={() => setWanted(true)}
    >
      {children}
    </Button>
  );
  if (!wanted) return trigger;
  return <Suspense fallback={trigger}>{menu}</Suspense>;
}
