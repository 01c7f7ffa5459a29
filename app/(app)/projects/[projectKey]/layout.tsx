import type { ReactNode } from 'react';
import { ProjectSidebar } from '@/components/shell/project-sidebar';
import { ProjectSwitcher } from '@/components/shell/project-switcher';
import { sectionIcons } from '@/components/shell/section-icons';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { inboxFor } from '@/db/queries/approvals';
import { listProjectsForUser } from '@/db/queries/projects';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectKey: string }>;
}) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const [projects, inbox] = await Promise.all([listProjectsForUser(getDb(), user.id), inboxFor(getDb(), membership.projectId, user.id)]);
  const t = await getTranslations('signoff.inbox');
  return (
    <>
      <aside className="hidden w-60 shrink-0 flex-col gap-4 border-r bg-background p-3 md:flex">
        <ProjectSwitcher projects={projects.map((p) => ({ key: p.key, name: p.name }))} currentKey={membership.projectKey} />
        <ProjectSidebar
          projectKey={membership.projectKey}
          icons={sectionIcons()}
          counts={{ approvals: { value: inbox.length, label: t('sidebar', { count: inbox.length }) } }}
        />
      </aside>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none md:p-6">{children}</main>
    </>
  );
}
