'use client';

import { ChevronsUpDown, FolderKanban } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { lazy } from 'react';
import { LazyMenu } from '@/components/ui/lazy-menu';
import type { ProjectSwitcherProps } from './project-switcher-dropdown';

const load = () => import('./project-switcher-dropdown');
const ProjectSwitcherDropdown = lazy(load);

/** The sidebar's project menu: the person's projects and "new project". */
export function ProjectSwitcher(props: ProjectSwitcherProps) {
  const t = useTranslations('nav');
  const current = props.projects.find((p) => p.key === props.currentKey);
  return (
    <LazyMenu
      variant="outline"
      size="sm"
      data-testid="project-switcher"
      className="max-w-72"
      load={load}
      menu={<ProjectSwitcherDropdown {...props} defaultOpen />}
    >
      <FolderKanban />
      <span className="truncate">{current ? `${current.key} · ${current.name}` : t('switchProject')}</span>
      <ChevronsUpDown className="opacity-50" />
    </LazyMenu>
  );
}
