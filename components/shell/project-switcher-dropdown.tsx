'use client';

import { ChevronsUpDown, FolderKanban, Plus } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

export interface ProjectSwitcherProps {
  projects: { key: string; name: string }[];
  currentKey?: string;
}

/** The project menu itself (Radix), loaded by ProjectSwitcher the first time someone reaches for it. */
export default function ProjectSwitcherDropdown({ projects, currentKey, defaultOpen }: ProjectSwitcherProps & { defaultOpen?: boolean }) {
  const t = useTranslations('nav');
  const current = projects.find((p) => p.key === currentKey);
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" data-testid="project-switcher" className="max-w-72">
          <FolderKanban />
          <span className="truncate">{current ? `${current.key} · ${current.name}` : t('switchProject')}</span>
          <ChevronsUpDown className="opacity-50" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-72">
        <DropdownMenuLabel>{t('myProjects')}</DropdownMenuLabel>
        {projects.map((p) => (
          <DropdownMenuItem key={p.key} asChild>
            <Link href={`/projects/${p.key}`}>
              <span className="font-mono text-xs text-muted-foreground">{p.key}</span>
              <span className="truncate">{p.name}</span>
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/projects/new">
            <Plus />
            {t('newProject')}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
