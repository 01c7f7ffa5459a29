'use client';

import { FolderKanban, Menu, X } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useSelectedLayoutSegments } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { ProjectSectionKey } from '@/lib/projects/sections';
import { ProjectSidebar } from './project-sidebar';

/**
 * The project's sections below the `md` breakpoint, where the sidebar is hidden: a header button opening a modal
 * sheet. A native `<dialog>` opened with showModal() makes the rest of the page inert (focus stays in the sheet),
 * closes on Escape and is announced as a dialog, with no dialog library in every page's bundle. Focus returns to
 * the button on close; following a link closes the sheet.
 */
export function MobileProjectNav({ icons }: { icons: Record<ProjectSectionKey, ReactNode> }) {
  const t = useTranslations('nav');
  // Below the (app) layout: ['projects', '<key>', …] on a project's pages (route groups are left out).
  const segments = useSelectedLayoutSegments().filter((s) => !s.startsWith('('));
  const projectKey = segments[0] === 'projects' && segments[1] && segments[1] !== 'new' ? segments[1] : null;
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!projectKey) return null;

  const close = () => dialog.current?.close();
  // A click on the backdrop lands on the <dialog> itself (its content fills it); a click on a link navigates.
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget || (event.target as Element).closest('a')) close();
  };

  return (
    <>
      <Button
        ref={button}
        type="button"
        variant="ghost"
        size="sm"
        className="md:hidden"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={`${id}-sheet`}
        onClick={() => {
          dialog.current?.showModal();
          setOpen(true);
        }}
      >
        <Menu aria-hidden />
        {t('menu')}
      </Button>
      <dialog
        ref={dialog}
        id={`${id}-sheet`}
        aria-labelledby={`${id}-title`}
        onClick={onClick}
        onClose={() => {
          setOpen(false);
          button.current?.focus();
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r bg-background p-0 text-foreground shadow-lg backdrop:bg-slate-900/50 md:hidden"
      >
        <div className="flex h-full flex-col gap-3 overflow-y-auto p-3">
          <div className="flex items-center justify-between gap-2">
            <h2 id={`${id}-title`} className="text-sm font-semibold">
              {t('projectMenu')}
            </h2>
            <Button type="button" variant="ghost" size="icon" onClick={close} aria-label={t('closeMenu')}>
              <X aria-hidden />
            </Button>
          </div>
          <Link
            href="/projects"
            className="flex items-center gap-2 rounded-md px-3 py-2 text-sm text-muted-foreground hover:bg-accent/60 hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <FolderKanban className="size-4" aria-hidden />
            {t('myProjects')}
          </Link>
          <ProjectSidebar projectKey={projectKey} icons={icons} />
        </div>
      </dialog>
    </>
  );
}
