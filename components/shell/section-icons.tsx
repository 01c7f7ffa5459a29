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
import type { ReactNode } from 'react';
import type { ProjectSectionKey } from '@/lib/projects/sections';

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

/**
 * The sections' icons, rendered by the server layouts and handed to the client sidebar as elements: their drawings
 * travel in the page instead of in the JS of every project page (2.2 kB gzip of first-load JS).
 */
export function sectionIcons(): Record<ProjectSectionKey, ReactNode> {
  return Object.fromEntries(
    Object.entries(ICONS).map(([key, Icon]) => [key, <Icon key={key} className="size-4" />]),
  ) as Record<ProjectSectionKey, ReactNode>;
}
