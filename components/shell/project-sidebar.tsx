'use client';

import { Link } from '@/components/ui/link';
import { Fragment, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { PROJECT_SECTIONS, type ProjectSectionKey } from '@/lib/projects/sections';
import { cn } from '@/lib/ui/cn';

/** A count shown beside a section (the "À approuver" inbox), with its words for screen readers. */
export type SectionCounts = Partial<Record<ProjectSectionKey, { value: number; label: string }>>;

/** `icons` come from the server (section-icons.tsx), rendered there. */
export function ProjectSidebar({
  projectKey,
  icons,
  counts,
}: {
  projectKey: string;
  icons: Record<ProjectSectionKey, ReactNode>;
  counts?: SectionCounts;
}) {
  const t = useTranslations('sections');
  const pathname = usePathname();
  const base = `/projects/${projectKey}`;
  return (
    <nav aria-label={t('label')} className="flex flex-col gap-0.5">
      {PROJECT_SECTIONS.map(({ slug, key }) => {
        const href = slug ? `${base}/${slug}` : base;
        const active = slug ? pathname === href || pathname.startsWith(`${href}/`) : pathname === base;
        // The link's name stays the section's; the count is its description, read from beside it.
        const count = counts?.[key] && counts[key].value > 0 ? counts[key] : null;
        return (
          <Fragment key={key}>
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              aria-describedby={count ? `section-count-${key}` : undefined}
              className={cn(
                'flex items-center gap-2 rounded-md px-3 py-2 text-sm',
                active ? 'bg-accent font-medium text-accent-foreground' : 'text-muted-foreground hover:bg-accent/60 hover:text-foreground',
              )}
            >
              {icons[key]}
              {t(key)}
              {count && (
                <span aria-hidden className="ml-auto rounded-full bg-primary px-2 text-xs font-medium text-primary-foreground" data-testid={`section-count-${key}`}>
                  {count.value}
                </span>
              )}
            </Link>
            {count && (
              <span id={`section-count-${key}`} className="sr-only">
                {count.label}
              </span>
            )}
          </Fragment>
        );
      })}
    </nav>
  );
}
