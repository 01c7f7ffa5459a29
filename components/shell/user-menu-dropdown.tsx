'use client';

import { LogOut, MonitorX, Shield, UserRound } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import type { Action } from '@/lib/actions/result';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

type NoInput = Action<Record<string, never>, unknown>;

export interface UserMenuProps {
  name: string;
  email: string;
  isAdmin: boolean;
  signOut: NoInput;
  signOutEverywhere: NoInput;
}

/** The user menu itself (Radix), loaded by UserMenu the first time someone reaches for it. */
export default function UserMenuDropdown({
  name,
  email,
  isAdmin,
  signOut,
  signOutEverywhere,
  defaultOpen,
}: UserMenuProps & { defaultOpen?: boolean }) {
  const t = useTranslations('nav');
  const router = useRouter();
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" data-testid="user-menu">
          <UserRound />
          <span className="sr-only sm:not-sr-only">{name}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>
          <span className="block text-foreground">{name}</span>
          <span className="block font-normal">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/profile">
            <UserRound />
            {t('profile')}
          </Link>
        </DropdownMenuItem>
        {isAdmin && (
          <DropdownMenuItem asChild>
            <Link href="/admin/users">
              <Shield />
              {t('admin')}
            </Link>
          </DropdownMenuItem>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem
          onSelect={async () => {
            await signOutEverywhere({});
            router.push('/login');
          }}
        >
          <MonitorX />
          {t('signOutEverywhere')}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut({})}>
          <LogOut />
          {t('signOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
