import { Plus, Upload, Users } from 'lucide-react';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findCreationRights } from '@/db/queries/instance-policy';
import { listProjectsForUser } from '@/db/queries/projects';
import { mayCreateProjects } from '@/lib/auth/instance-policy';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('projects'))('title') };
}

export default async function ProjectsPage() {
  const user = await requireUser();
  const t = await getTranslations('projects');
  const tRoles = await getTranslations('roles');
  const tArchive = await getTranslations('archive.import');
  const [projects, rights] = await Promise.all([listProjectsForUser(getDb(), user.id), findCreationRights(getDb(), user.id)]);
  // A courtesy: createProject checks the policy itself.
  const mayCreate = mayCreateProjects(rights.policy, { isAdmin: user.isAdmin, isProjectCreator: rights.isProjectCreator });
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="outline-none mx-auto w-full max-w-5xl p-6">
      <div className="mb-6 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        {mayCreate && (
          <div className="flex flex-wrap items-center gap-2">
            <Button asChild variant="outline">
              <Link href="/projects/import" data-testid="import-project-link">
                <Upload />
                {tArchive('link')}
              </Link>
            </Button>
            <Button asChild>
              <Link href="/projects/new">
                <Plus />
                {t('new')}
              </Link>
            </Button>
          </div>
        )}
      </div>
      {projects.length === 0 ? (
        <Card>
          <CardContent className="p-8 text-center text-muted-foreground">{t('empty')}</CardContent>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" data-testid="project-list">
          {projects.map((p) => (
            <li key={p.key}>
              <Link href={`/projects/${p.key}`} className="block h-full rounded-lg focus-visible:ring-2 focus-visible:ring-ring">
                <Card className="h-full transition-shadow hover:shadow-md">
                  <CardHeader>
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-mono text-xs text-muted-foreground">{p.key}</span>
                      <Badge>{tRoles(p.role)}</Badge>
                    </div>
                    <CardTitle>{p.name}</CardTitle>
                    <CardDescription>{p.client}</CardDescription>
                  </CardHeader>
                  <CardContent className="flex items-center gap-2 text-xs text-muted-foreground">
                    <Users className="size-4" />
                    {t('memberCount', { count: p.memberCount })}
                  </CardContent>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
