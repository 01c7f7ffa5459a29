'use client';

import {
  Bug,
  CheckSquare,
  ClipboardList,
  FileCode2,
  GitCompareArrows,
  History,
  LayoutDashboard,
  ListChecks,
  Rocket,
  Settings,
  Signature,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';
import { Fragment } from 'react';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { PROJECT_SECTIONS, type ProjectSectionKey } from '@/lib/projects/sections';
import { cn } from '@/lib/ui/cn';

const ICONS: Record<ProjectSectionKey, LucideIcon> = {
  overview: LayoutDashboard,
  requirements: ClipboardList,
  specifications: FileCode2,
  traceability: GitCompareArrows,
  testCases: ListChecks,
  campaigns: CheckSquare,
  anomalies: Bug,
  approvals: Signature,
  readiness: Rocket,
  audit: History,
  settings: Settings,
};

/** A count shown beside a section (the "À approuver" inbox), with its words for screen readers. */
export type SectionCounts = Partial<Record<ProjectSectionKey, { value: number; label: string }>>;

export function ProjectSidebar({ projectKey, counts }: { projectKey: string; counts?: SectionCounts }) {
  const t = useTranslations('sections');
  const pathname = usePathname();
  const base = `/projects/${projectKey}`;
  return (
    <nav aria-label={t('label')} className="flex flex-col gap-0.5">
      {PROJECT_SECTIONS.map(({ slug, key }) => {
        const href = slug ? `${base}/${slug}` : base;
        const active = slug ? pathname === href || pathname.startsWith(`${href}/`) : pathname === base;
        const Icon = ICONS[key];
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
              <Icon className="size-4" />
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
