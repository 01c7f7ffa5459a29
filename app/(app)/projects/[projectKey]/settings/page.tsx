import type { Metadata } from 'next';
import { Download } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { Button } from '@/components/ui/button';
import { getTranslations } from 'next-intl/server';
import { addMember, changeMemberRole, removeMember, updateProject } from './actions';
import { AddMemberForm } from '@/components/members/add-member-form';
import { MemberList } from '@/components/members/member-list';
import { ProjectSettingsForm } from '@/components/projects/project-settings-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listProjectMembers } from '@/db/queries/memberships';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findCreationRights } from '@/db/queries/instance-policy';
import { findProjectById } from '@/db/queries/projects';
import { mayCreateAccountsAsOwner } from '@/lib/auth/instance-policy';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sections'))('settings') };
}

export default async function ProjectSettingsPage({ params }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const [project, members, rights] = await Promise.all([
    findProjectById(getDb(), membership.projectId),
    listProjectMembers(getDb(), membership.projectId),
    findCreationRights(getDb(), user.id),
  ]);
  const t = await getTranslations('settings');
  const tSections = await getTranslations('sections');
  const tApi = await getTranslations('api.tokens');
  const tArchive = await getTranslations('archive.export');
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const manages = can(membership.role, 'project.manage');
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{tSections('settings')}</h1>
        {manages && (
          <Link href={`/projects/${project!.key}/settings/api`} className="text-sm text-primary underline underline-offset-4" data-testid="api-tokens-link">
            {tApi('settingsLink')}
          </Link>
        )}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('project')}</CardTitle>
          {!manages && <CardDescription>{t('ownerOnly')}</CardDescription>}
        </CardHeader>
        <CardContent>
          <ProjectSettingsForm
            projectKey={project!.key}
            editable={manages}
            updateProject={updateProject}
            initial={{
              name: project!.name,
              client: project!.client,
              description: project!.description,
              version: String(project!.version),
            }}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('members')}</CardTitle>
          <CardDescription>{t('membersHint')}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <MemberList
            projectKey={project!.key}
            editable={manages}
            currentUserId={user.id}
            changeMemberRole={changeMemberRole}
            removeMember={removeMember}
            members={members.map((m) => ({
              userId: m.userId,
              name: m.name,
              email: m.email,
              role: m.role,
              pending: !m.hasPassword,
              active: m.isActive,
            }))}
          />
          {manages && (
            <AddMemberForm
              projectKey={project!.key}
              addMember={addMember}
              mayCreateAccounts={mayCreateAccountsAsOwner(rights.policy, user)}
            />
          )}
        </CardContent>
      </Card>
      {manages && (
        <Card>
          <CardHeader>
            <CardTitle>{tArchive('title')}</CardTitle>
            <CardDescription>{tArchive('hint')}</CardDescription>
          </CardHeader>
          <CardContent>
            <Button asChild variant="outline">
              {/* A plain download: the route streams the archive and checks the owner itself. */}
              <a href={`/api/projects/${project!.key}/archive`} download data-testid="export-project-archive">
                <Download />
                {tArchive('button')}
              </a>
            </Button>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
