import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listProjectMembers } from '@/db/queries/memberships';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findProjectById } from '@/db/queries/projects';
import { requireUser } from '@/lib/session/current-user';

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).projectKey.toUpperCase() };
}

export default async function ProjectOverviewPage({ params }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const [project, members] = await Promise.all([
    findProjectById(getDb(), membership.projectId),
    listProjectMembers(getDb(), membership.projectId),
  ]);
  const t = await getTranslations('overview');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div>
        <p className="font-mono text-sm text-muted-foreground">{project!.key}</p>
        <h1 className="text-2xl font-semibold">{project!.name}</h1>
        <p className="text-muted-foreground">
          {t('client')} : {project!.client} · {t('yourRole')} : <Badge>{tRoles(membership.role)}</Badge>
        </p>
      </div>
      {project!.description && (
        <Card>
          <CardContent className="whitespace-pre-line p-5 text-sm">{project!.description}</CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t('team')}</CardTitle>
          <CardDescription>{t('createdOn', { date: format.dateTime(project!.createdAt, { dateStyle: 'long' }) })}</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y" data-testid="team">
            {members.map((m) => (
              <li key={m.userId} className="flex items-center justify-between py-2 text-sm">
                <span>
                  {m.name} <span className="text-muted-foreground">· {m.email}</span>
                </span>
                <Badge variant="outline">{tRoles(m.role)}</Badge>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
