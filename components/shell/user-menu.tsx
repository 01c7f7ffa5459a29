'use client';

import { UserRound } from 'lucide-react';
import { lazy } from 'react';
import { LazyMenu } from '@/components/ui/lazy-menu';
import type { UserMenuProps } from './user-menu-dropdown';

const load = () => import('./user-menu-dropdown');
const UserMenuDropdown = lazy(load);

/** The signed-in person's menu in the header: profile, administration, sign-out. */
export function UserMenu(props: UserMenuProps) {
  return (
    <LazyMenu variant="ghost" size="sm" data-testid="user-menu" load={load} menu={<UserMenuDropdown {...props} defaultOpen />}>
      <UserRound />
      {/* Only the icon on a phone, but the name is still the button’s accessible name. */}
      <span className="sr-only sm:not-sr-only">{props.name}</span>
    </LazyMenu>
  );
}
